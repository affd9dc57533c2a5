import type { EntityManager } from 'typeorm';
import { notGlossarySql } from '../glossary/glossary-namespace';

/** One target locale's counts over the live strings of its project. */
export interface LocaleCounts {
  readonly projectId: string;
  readonly locale: string;
  readonly total: number;
  readonly untranslated: number;
  readonly voting: number;
  readonly decided: number;
  /** A winner for an older source text, and no candidate for the current one. */
  readonly stale: number;
  readonly needsDecision: number;
  /** decided / total, in percent with two decimals (the dashboard's coverage). */
  readonly coverage: number;
}

interface Row {
  project_id: string;
  locale: string;
  total: number;
  voting: number;
  decided: number;
  stale: number;
  needs_decision: number;
}

/**
 * The counts of every target locale of `projectIds` in ONE statement: the UnitStatus partition
 * (string-filter.sql.ts: decided, voting, stale, else untranslated), plus the units whose current
 * round waits for a manager (the needsDecision queue's predicate). It walks every unit of the
 * projects: callers outside a transaction go through LocaleCountsService, which reuses it.
 */
export async function localeCounts(
  manager: EntityManager,
  projectIds: readonly string[],
): Promise<LocaleCounts[]> {
  if (projectIds.length === 0) return [];
  const rows = await manager.query<Row[]>(
    `WITH live AS (
       SELECT id, project_id, source_hash FROM source_string
        WHERE project_id = ANY($1::uuid[]) AND removed_at IS NULL
          AND ${notGlossarySql('source_string')}
     ), totals AS (
       SELECT project_id, count(*) AS n FROM live GROUP BY project_id
     ), current_candidates AS (
       SELECT DISTINCT t.unit_id
         FROM translation t
         JOIN translation_unit u ON u.id = t.unit_id
         JOIN live s ON s.id = u.string_id
        WHERE u.project_id = ANY($1::uuid[]) AND t.status = 'active' AND t.source_hash = s.source_hash
     ), classified AS (
       SELECT u.locale_id,
              CASE
                WHEN u.winner_translation_id IS NOT NULL AND u.winner_source_hash = s.source_hash THEN 'D'
                WHEN c.unit_id IS NOT NULL THEN 'V'
                WHEN u.winner_translation_id IS NOT NULL THEN 'S'
                ELSE 'U'
              END AS status,
              (r.id IS NOT NULL) AS needs
         FROM translation_unit u
         JOIN live s ON s.id = u.string_id
         LEFT JOIN current_candidates c ON c.unit_id = u.id
         LEFT JOIN round r ON r.id = u.current_round_id
               AND ((r.state = 'COLLECTING' AND r.extensions_used > 0)
                    OR (r.state = 'UNDECIDED' AND NOT r.decided_early))
        WHERE u.project_id = ANY($1::uuid[])
     )
     SELECT l.project_id, l.code AS locale, coalesce(tt.n, 0)::int AS total,
            count(*) FILTER (WHERE k.status = 'V')::int AS voting,
            count(*) FILTER (WHERE k.status = 'D')::int AS decided,
            count(*) FILTER (WHERE k.status = 'S')::int AS stale,
            count(*) FILTER (WHERE k.needs)::int AS needs_decision
       FROM locale l
       JOIN project p ON p.id = l.project_id
       LEFT JOIN totals tt ON tt.project_id = l.project_id
       LEFT JOIN classified k ON k.locale_id = l.id
      WHERE l.project_id = ANY($1::uuid[]) AND l.code <> p.source_locale
      GROUP BY l.project_id, l.code, tt.n
      ORDER BY l.project_id, l.code`,
    [projectIds],
  );
  return rows.map((r) => ({
    projectId: r.project_id,
    locale: r.locale,
    total: r.total,
    untranslated: r.total - r.voting - r.decided - r.stale,
    voting: r.voting,
    decided: r.decided,
    stale: r.stale,
    needsDecision: r.needs_decision,
    coverage: r.total === 0 ? 0 : Math.round((r.decided / r.total) * 10_000) / 100,
  }));
}
