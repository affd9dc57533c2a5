import { Inject, Injectable } from '@nestjs/common';
import { reliability, type VotingParams } from '@chorus/voting';
import { DataSource } from 'typeorm';
import { LoadGate, ReadCache } from '../common/cache/read-cache';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { badgesFor } from './badges';
import type { LeaderboardEntryModel } from './dto/leaderboard-entry.model';
import type { LocaleStatsModel } from './dto/locale-stats.model';
import { StringScopeService } from './string-scope.service';
import { votingParamsOf } from '../catalogue/voting-settings';
import { notGlossarySql } from '../glossary/glossary-namespace';

const LEADERBOARD_SIZE = 100;
/** Projects (stats) and project+locales (leaderboards) kept per process. */
const CACHED_AGGREGATES = 1_000;
/**
 * Aggregate reads computed at once per process. Each walks a project or locale (1.3 s and 0.5 s of
 * Postgres at 100k units, 500k votes); more would only queue inside Postgres, holding connections
 * that votes and claims need.
 */
const AGGREGATE_LOADS = 2;

interface StatsRow {
  locale: string;
  total: number;
  voting: number;
  decided: number;
  stale: number;
}

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
 * and at most AGGREGATE_LOADS run at once, so a crowd on one dashboard, or a script cycling
 * through projects, costs Postgres a bounded amount.
 */
@Injectable()
export class ProgressService {
  private readonly stats: ReadCache<LocaleStatsModel[]>;
  private readonly boards: ReadCache<LeaderboardEntryModel[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: StringScopeService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const gate = new LoadGate(AGGREGATE_LOADS);
    const options = { ttlMs: config.statsCacheMs, maxEntries: CACHED_AGGREGATES, gate };
    this.stats = new ReadCache(options);
    this.boards = new ReadCache(options);
  }

  /**
   * Every target locale's progress over the live strings, in ONE query: units are classified
   * with the UnitStatus partition (string-filter.sql.ts) and counted per locale; strings without
   * a unit in a locale are untranslated there. The source locale is not a target and is left out.
   */
  async localeStats(slug: string, viewerId: string | null): Promise<LocaleStatsModel[]> {
    const project = await this.scope.project(slug, viewerId);
    return this.stats.get(project.id, Date.now(), () =>
      this.computeLocaleStats(project.id, project.sourceLocale),
    );
  }

  private async computeLocaleStats(
    projectId: string,
    sourceLocale: string,
  ): Promise<LocaleStatsModel[]> {
    const rows = await this.dataSource.query<StatsRow[]>(
      `WITH live AS (
         SELECT id, source_hash FROM source_string WHERE project_id = $1 AND removed_at IS NULL
           AND ${notGlossarySql('source_string')}
       ), current_candidates AS (
         SELECT DISTINCT t.unit_id
           FROM translation t
           JOIN translation_unit u ON u.id = t.unit_id
           JOIN live s ON s.id = u.string_id
          WHERE u.project_id = $1 AND t.status = 'active' AND t.source_hash = s.source_hash
       ), classified AS (
         SELECT u.locale_id,
                CASE
                  WHEN u.winner_translation_id IS NOT NULL AND u.winner_source_hash = s.source_hash THEN 'D'
                  WHEN c.unit_id IS NOT NULL THEN 'V'
                  WHEN u.winner_translation_id IS NOT NULL THEN 'S'
                  ELSE 'U'
                END AS status
           FROM translation_unit u
           JOIN live s ON s.id = u.string_id
           LEFT JOIN current_candidates c ON c.unit_id = u.id
          WHERE u.project_id = $1
       )
       SELECT l.code AS locale,
              (SELECT count(*) FROM live)::int AS total,
              count(*) FILTER (WHERE k.status = 'V')::int AS voting,
              count(*) FILTER (WHERE k.status = 'D')::int AS decided,
              count(*) FILTER (WHERE k.status = 'S')::int AS stale
         FROM locale l
         LEFT JOIN classified k ON k.locale_id = l.id
        WHERE l.project_id = $1 AND l.code <> $2
        GROUP BY l.code
        ORDER BY l.code`,
      [projectId, sourceLocale],
    );
    return rows.map((r) => ({
      locale: r.locale,
      total: r.total,
      untranslated: r.total - r.voting - r.decided - r.stale,
      voting: r.voting,
      decided: r.decided,
      stale: r.stale,
      coverage: r.total === 0 ? 0 : Math.round((r.decided / r.total) * 10_000) / 100,
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
