import { Inject, Injectable } from '@nestjs/common';
import { reliability, type VotingParams } from '@chorus/voting';
import { DataSource } from 'typeorm';
import { ReadCache } from '../common/cache/read-cache';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { AggregateLoads } from './aggregate-loads';
import { badgesFor } from './badges';
import type { LeaderboardEntryModel } from './dto/leaderboard-entry.model';
import type { LocaleStatsModel } from './dto/locale-stats.model';
import { LocaleCountsService } from './locale-counts.service';
import { StringScopeService } from './string-scope.service';
import { LEADERBOARD_SQL } from './leaderboard.sql';
import { votingParamsOf } from '../catalogue/voting-settings';

const LEADERBOARD_SIZE = 100;
/** Project+locales whose leaderboard each API process keeps. */
const CACHED_BOARDS = 1_000;

interface LeaderRow {
  user_id: string;
  display_name: string;
  created_at: Date;
  accepted: number;
  agree: number;
  disagree: number;
  evaluated_votes: number;
  votes: number;
  translations: number;
}

/**
 * Per-locale progress and the contributors' leaderboard: public reads that walk a whole project or
 * locale, shown on every dashboard visit. Each result is reused for STATS_CACHE_MS per process
 * (access is checked on every call, before the cache), concurrent callers share one computation,
 * and at most AggregateLoads run at once, so a crowd on one dashboard, or a script cycling
 * through projects, costs Postgres a bounded amount.
 */
@Injectable()
export class ProgressService {
  private readonly boards: ReadCache<LeaderboardEntryModel[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: StringScopeService,
    private readonly counts: LocaleCountsService,
    gate: AggregateLoads,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.boards = new ReadCache({ ttlMs: config.statsCacheMs, maxEntries: CACHED_BOARDS, gate });
  }

  /**
   * Every target locale's progress over the live strings (the source locale is not a target):
   * the UnitStatus partition counted per locale (localeCounts); strings without a unit in a locale
   * are untranslated there.
   */
  async localeStats(slug: string, viewerId: string | null): Promise<LocaleStatsModel[]> {
    const project = await this.scope.project(slug, viewerId);
    return (await this.counts.countsOf([project.id])).map((c) => ({
      locale: c.locale,
      total: c.total,
      untranslated: c.untranslated,
      voting: c.voting,
      decided: c.decided,
      stale: c.stale,
      coverage: c.coverage,
    }));
  }

  /**
   * Contributors of one project and locale: everyone who wrote a candidate or voted there, with
   * the reputation ledger's tallies (the `reputation` table sums the same entries over every
   * project; a project's board counts only its own rounds).
   */
  async leaderboard(
    slug: string,
    localeCode: string,
    viewerId: string | null,
  ): Promise<LeaderboardEntryModel[]> {
    const { project, locale } = await this.scope.locale(slug, localeCode, viewerId);
    return this.boards.get(`${project.id}:${locale.id}`, Date.now(), () =>
      this.computeLeaderboard(project.id, locale.id, locale.code, votingParamsOf(project.settings)),
    );
  }

  private async computeLeaderboard(
    projectId: string,
    localeId: string,
    localeCode: string,
    params: VotingParams,
  ): Promise<LeaderboardEntryModel[]> {
    const rows = await this.dataSource.query<LeaderRow[]>(LEADERBOARD_SQL, [
      projectId,
      localeCode,
      localeId,
    ]);
    return rows
      .map((r) => {
        const rel = reliability(r.agree, r.disagree, params);
        return {
          user: { id: r.user_id, displayName: r.display_name, createdAt: r.created_at },
          accepted: r.accepted,
          agree: r.agree,
          disagree: r.disagree,
          reliability: rel,
          candidates: r.translations,
          votes: r.votes,
          badges: badgesFor({
            accepted: r.accepted,
            agree: r.agree,
            disagree: r.disagree,
            reliability: rel,
            evaluatedVotes: r.evaluated_votes,
            translations: r.translations,
          }),
        };
      })
      .sort(
        (a, b) =>
          b.accepted - a.accepted ||
          b.agree - a.agree ||
          b.candidates - a.candidates ||
          b.votes - a.votes ||
          b.reliability - a.reliability ||
          (a.user.displayName < b.user.displayName
            ? -1
            : a.user.displayName > b.user.displayName
              ? 1
              : 0) ||
          (a.user.id < b.user.id ? -1 : 1),
      )
      .slice(0, LEADERBOARD_SIZE);
  }
}
