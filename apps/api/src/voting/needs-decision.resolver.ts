import { Args, Int, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { NeedsDecisionPageModel } from './dto/needs-decision.model';
import { RoundEventModel } from './dto/round-event.model';
import { NEEDS_DECISION_PAGE_MAX, NeedsDecisionQueryService } from './needs-decision-query.service';

@Resolver()
export class NeedsDecisionResolver {
  constructor(private readonly queue: NeedsDecisionQueryService) {}

  @RateLimited('reads')
  @Query(() => NeedsDecisionPageModel, {
    description: `Language managers (with \`locale\`) and project owners: strings whose round reached its deadline undecided, with what was missing. ${READ_BUDGET}`,
  })
  needsDecision(
    @Args('project') project: string,
    @Args('locale', { type: () => String, nullable: true }) locale: string | null | undefined,
    @Args('first', {
      type: () => Int,
      defaultValue: 50,
      description: `At most ${NEEDS_DECISION_PAGE_MAX}.`,
    })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NeedsDecisionPageModel> {
    return this.queue.page(
      principal.userId,
      project,
      locale ?? undefined,
      first,
      after ?? undefined,
    );
  }

  @Subscription(() => RoundEventModel, {
    description:
      'Language managers and project owners: a round of this locale reached its deadline undecided and needs a decision (once per round).',
  })
  roundNeedsDecision(
    @Args('project') project: string,
    @Args('locale') locale: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AsyncIterableIterator<{ roundNeedsDecision: RoundEventModel }>> {
    return this.queue.events(principal.userId, project, locale);
  }
}
