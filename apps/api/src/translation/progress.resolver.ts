import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Public } from '../common/auth/public.decorator';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import type { Principal } from '../common/auth/request-context';
import { LeaderboardEntryModel } from './dto/leaderboard-entry.model';
import { LocaleStatsModel } from './dto/locale-stats.model';
import { ProjectArgs, ProjectLocaleArgs } from './dto/translation-query.args';
import { ProgressService } from './progress.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';

@Resolver()
export class ProgressResolver {
  constructor(private readonly progress: ProgressService) {}

  @Public()
  @RateLimited('reads')
  @Query(() => [LocaleStatsModel], {
    description: `Progress of every target locale (reused for STATS_CACHE_MS). ${READ_BUDGET}`,
  })
  async localeStats(
    @Args() args: ProjectArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<LocaleStatsModel[]> {
    return this.progress.localeStats(args.project, principal?.userId ?? null);
  }

  @Public()
  @RateLimited('reads')
  @Query(() => [LeaderboardEntryModel], {
    description: `Top contributors of a project in one locale, with badges (reused for STATS_CACHE_MS). ${READ_BUDGET}`,
  })
  async leaderboard(
    @Args() args: ProjectLocaleArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<LeaderboardEntryModel[]> {
    return this.progress.leaderboard(args.project, args.locale, principal?.userId ?? null);
  }
}
