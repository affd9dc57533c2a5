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
    const rows = await this.dataSource.query<LeaderRow[]>(
      `WITH ledger AS (
         SELECT user_id, sum(accepted) AS accepted, sum(agree) AS agree, sum(disagree) AS disagree
           FROM reputation_ledger WHERE project_id = $1 AND locale = $2
          GROUP BY user_id
       ), evaluated AS (
         SELECT v.voter_id AS user_id, count(*) AS n,
                count(e.round_id) AS evaluated
           FROM vote v JOIN translation_unit u ON u.id = v.unit_id
           LEFT JOIN vote_evaluation e ON e.translation_id = v.translation_id AND e.voter_id = v.voter_id
          WHERE u.project_id = $1 AND u.locale_id = $3
          GROUP BY v.voter_id
       ), written AS (
         SELECT t.author_id AS user_id, count(*) AS n
           FROM translation t JOIN translation_unit u ON u.id = t.unit_id
          WHERE u.project_id = $1 AND u.locale_id = $3 AND t.origin <> 'import'
          GROUP BY t.author_id
       ), contributors AS (
         -- Everyone who contributed: a ledger entry needs a decided round, so candidates and votes
         -- still waiting for one count too (a translator with six open candidates is on the board).
         SELECT user_id FROM ledger UNION SELECT user_id FROM written UNION SELECT user_id FROM evaluated
       )
       SELECT c.user_id, usr.display_name, usr.created_at,
              coalesce(l.accepted, 0)::float8 AS accepted, coalesce(l.agree, 0)::float8 AS agree,
              coalesce(l.disagree, 0)::float8 AS disagree,
              coalesce(e.evaluated, 0)::int AS evaluated_votes, coalesce(e.n, 0)::int AS votes,
              coalesce(w.n, 0)::int AS translations
         FROM contributors c
         JOIN "user" usr ON usr.id = c.user_id
         LEFT JOIN ledger l ON l.user_id = c.user_id
         LEFT JOIN evaluated e ON e.user_id = c.user_id
         LEFT JOIN written w ON w.user_id = c.user_id
        WHERE usr.banned_at IS NULL`,
      [projectId, localeCode, localeId],
    );
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
