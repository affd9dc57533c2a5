import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { AbuseFlagDismissService } from './abuse-flag-dismiss.service';
import { AdminQueryService } from './admin-query.service';
import { AbuseFlagModel, QueueStatsModel } from './dto/abuse-flag.model';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

@Resolver()
export class AdminResolver {
  constructor(
    private readonly admin: AdminQueryService,
    private readonly flags: AbuseFlagDismissService,
  ) {}

  @RateLimited('reads')
  @Query(() => [AbuseFlagModel], {
    description: `Managers: accounts the abuse scan flagged in this project. ${READ_BUDGET}`,
  })
  flaggedAccounts(
    @Args('project') project: string,
    @Args('locale', { type: () => String, nullable: true }) locale: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AbuseFlagModel[]> {
    return this.admin.flaggedAccounts(principal.userId, project, locale ?? undefined);
  }

  @RateLimited('writes')
  @Mutation(() => Boolean, {
    description:
      'Managers (with `locale`) and owners: the flagged pattern is honest. The flag leaves the list and its pair stops being discounted (logged with the reason).',
  })
  dismissAbuseFlag(
    @Args('project') project: string,
    @Args('locale', { type: () => String, nullable: true }) locale: string | null | undefined,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    return this.flags.dismiss(
      principal.userId,
      project,
      locale ?? undefined,
      id,
      reason,
      new Date(),
    );
  }

  @RateLimited('reads')
  @Query(() => [QueueStatsModel], {
    description: `Instance administrators (ADMIN_EMAILS): jobs per queue and state, across every project. ${READ_BUDGET}`,
  })
  queueStats(@CurrentPrincipal() principal: Principal): Promise<QueueStatsModel[]> {
    return this.admin.queueStats(principal.userId);
  }
}
