import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { AdminQueryService } from './admin-query.service';
import { AbuseFlagModel, QueueStatsModel } from './dto/abuse-flag.model';

@Resolver()
export class AdminResolver {
  constructor(private readonly admin: AdminQueryService) {}

  @Query(() => [AbuseFlagModel], {
    description: 'Managers: accounts the abuse scan flagged in this project.',
  })
  flaggedAccounts(
    @Args('project') project: string,
    @Args('locale', { type: () => String, nullable: true }) locale: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AbuseFlagModel[]> {
    return this.admin.flaggedAccounts(principal.userId, project, locale ?? undefined);
  }

  @Query(() => [QueueStatsModel], {
    description:
      'Instance administrators (ADMIN_EMAILS): jobs per queue and state, across every project.',
  })
  queueStats(@CurrentPrincipal() principal: Principal): Promise<QueueStatsModel[]> {
    return this.admin.queueStats(principal.userId);
  }
}
