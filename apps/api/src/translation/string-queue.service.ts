import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../identity/access.service';
import type { TranslatableStringModel } from './dto/translatable-string.model';
import { StringFilter } from './dto/translation-enums';
import { SqlParams } from './sql-params';
import { CANDIDATE_COUNT, filterCondition } from './string-filter.sql';
import { StringScopeService } from './string-scope.service';
import { TranslatableStringService } from './translatable-string.service';

/** How long a string handed out by nextString stays reserved for its volunteer. */
export const LEASE_MS = 10 * 60 * 1000;

/** Attempts when a concurrent volunteer leased the picked string between snapshot and insert. */
const MAX_ATTEMPTS = 8;

export interface NextStringQuery {
  readonly project: string;
  readonly locale: string;
  readonly filter: StringFilter;
  readonly skip: readonly string[];
}

/**
 * The volunteer queue: hands each volunteer a string nobody else holds, leased for ten minutes.
 *
 * Exclusivity rests on two things in ONE statement: candidate rows are locked with
 * `FOR UPDATE OF s SKIP LOCKED` (two concurrent callers skip each other's pick instead of waiting),
 * and the lease is written with `INSERT … ON CONFLICT DO UPDATE … WHERE expired or mine`, which
 * Postgres evaluates against the latest committed lease, so a caller whose snapshot predates a
 * rival's commit gets no row back and simply tries again.
 */
@Injectable()
export class StringQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly scope: StringScopeService,
    private readonly strings: TranslatableStringService,
  ) {}

  async next(
    query: NextStringQuery,
    userId: string,
    now: Date,
  ): Promise<TranslatableStringModel | null> {
    const project = await this.access.requireProject(userId, query.project, 'translation.submit');
    const locale = await this.scope.localeOf(project, query.locale);
    const skip = query.skip.filter((id) => UUID.test(id));
    const expiresAt = new Date(now.getTime() + LEASE_MS);

    const held = await this.heldLease(
      project.id,
      locale.id,
      userId,
      query.filter,
      skip,
      now,
      expiresAt,
    );
    if (held !== null) return this.loadOne(held, locale, userId);

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const params = new SqlParams();
      const L = params.add(locale.id);
      const U = params.add(userId);
      const NOW = params.add(now);
      const condition = this.queueCondition(query.filter, userId, U, params);
      // Untranslated and stale strings have no current candidates: walk the catalogue order only.
      const order =
        query.filter === StringFilter.UNTRANSLATED || query.filter === StringFilter.STALE
          ? 's.position, s.id'
          : `${CANDIDATE_COUNT}, s.position, s.id`;
      const [result] = await this.dataSource.query<{ picked: number; leased: string | null }[]>(
        `WITH pick AS (
           SELECT s.id FROM source_string s
             LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${L}
            WHERE s.project_id = ${params.add(project.id)} AND s.removed_at IS NULL
              AND u.locked IS NOT TRUE
              AND NOT (s.id = ANY(${params.add(skip)}::uuid[]))
              AND ${condition}
              AND NOT EXISTS (SELECT 1 FROM string_lease l WHERE l.string_id = s.id
                    AND l.locale_id = ${L} AND l.user_id <> ${U} AND l.expires_at > ${NOW})
            ORDER BY ${order}
            LIMIT 1
            FOR UPDATE OF s SKIP LOCKED
         ), leased AS (
           INSERT INTO string_lease (string_id, locale_id, user_id, expires_at)
           SELECT id, ${L}, ${U}, ${params.add(expiresAt)} FROM pick
           ON CONFLICT (string_id, locale_id) DO UPDATE
             SET user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at
             WHERE string_lease.expires_at <= ${NOW} OR string_lease.user_id = EXCLUDED.user_id
           RETURNING string_id
         ), released AS (
           -- A volunteer works on one string at a time: the new lease frees their others here.
           DELETE FROM string_lease l
            WHERE l.user_id = ${U} AND l.locale_id = ${L}
              AND EXISTS (SELECT 1 FROM leased) AND l.string_id NOT IN (SELECT string_id FROM leased)
         )
         SELECT (SELECT count(*) FROM pick)::int AS picked, (SELECT string_id FROM leased) AS leased`,
        params.values,
      );
      if (result?.leased) return this.loadOne(result.leased, locale, userId);
      if (result === undefined || result.picked === 0) return null;
    }
    return null;
  }

  /** The caller's own valid lease that still fits the filter: asking again returns the same string. */
  private async heldLease(
    projectId: string,
    localeId: string,
    userId: string,
    filter: StringFilter,
    skip: readonly string[],
    now: Date,
    expiresAt: Date,
  ): Promise<string | null> {
    const params = new SqlParams();
    const L = params.add(localeId);
    const U = params.add(userId);
    const rows = await this.dataSource.query<{ string_id: string }[]>(
      `UPDATE string_lease l SET expires_at = ${params.add(expiresAt)}
        WHERE l.string_id = (
          SELECT s.id FROM string_lease mine
            JOIN source_string s ON s.id = mine.string_id
            LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${L}
           WHERE mine.user_id = ${U} AND mine.locale_id = ${L} AND mine.expires_at > ${params.add(now)}
             AND s.project_id = ${params.add(projectId)} AND s.removed_at IS NULL
             AND u.locked IS NOT TRUE
             AND NOT (s.id = ANY(${params.add(skip)}::uuid[]))
             AND ${this.queueCondition(filter, userId, U, params)}
           ORDER BY s.position, s.id LIMIT 1)
          AND l.locale_id = ${L} AND l.user_id = ${U}
        RETURNING l.string_id`,
      params.values,
    );
    return rows[0]?.string_id ?? null;
  }

  /** The filter, and for voters: strings they have not voted on with someone else's candidate. */
  private queueCondition(
    filter: StringFilter,
    userId: string,
    U: string,
    params: SqlParams,
  ): string {
    const base = filterCondition(filter, userId, params);
    if (filter !== StringFilter.NEEDS_VOTES) return base;
    return `${base}
      AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.unit_id = u.id AND v.voter_id = ${U})
      AND EXISTS (SELECT 1 FROM translation t WHERE t.unit_id = u.id AND t.status = 'active'
            AND t.source_hash = s.source_hash AND t.author_id <> ${U})`;
  }

  private async loadOne(
    stringId: string,
    locale: Parameters<TranslatableStringService['load']>[1],
    userId: string,
  ): Promise<TranslatableStringModel | null> {
    const [model] = await this.strings.load([stringId], locale, userId);
    return model ?? null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
