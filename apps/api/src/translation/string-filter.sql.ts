import { assertNever } from '../common/errors/assert-never';
import { StringFilter } from './dto/translation-enums';
import type { SqlParams } from './sql-params';

/**
 * SQL conditions over `source_string s LEFT JOIN translation_unit u` (u of the target locale).
 * They implement the UnitStatus partition, which TranslatableStringService.statusOf mirrors:
 * DECIDED (winner for the current source hash), else VOTING (an active candidate for the current
 * source), else STALE (a winner for an older source), else UNTRANSLATED.
 */
export const HAS_CURRENT_CANDIDATE = `EXISTS (SELECT 1 FROM translation t
  WHERE t.unit_id = u.id AND t.status = 'active' AND t.source_hash = s.source_hash)`;

export const IS_DECIDED = `(u.winner_translation_id IS NOT NULL AND u.winner_source_hash = s.source_hash)`;

const LIVE_ROUND = `EXISTS (SELECT 1 FROM round r
  WHERE r.id = u.current_round_id AND r.state IN ('OPEN', 'COLLECTING'))`;

/** Active candidates for the current source (the queue prefers strings with fewer). */
export const CANDIDATE_COUNT = `(SELECT count(*) FROM translation t
  WHERE t.unit_id = u.id AND t.status = 'active' AND t.source_hash = s.source_hash)`;

/** Whether `filter`'s condition depends on the viewer (then so does its total). */
export function filterReadsViewer(filter: StringFilter): boolean {
  return filter === StringFilter.MINE;
}

/**
 * The condition for `filter`; MINE needs a viewer (the caller refuses anonymous MINE). Only the
 * filters of filterReadsViewer may read `viewerId`.
 */
export function filterCondition(
  filter: StringFilter,
  viewerId: string | null,
  params: SqlParams,
): string {
  switch (filter) {
    case StringFilter.ALL:
      return 'TRUE';
    case StringFilter.UNTRANSLATED:
      return `(u.id IS NULL OR (u.winner_translation_id IS NULL AND NOT ${HAS_CURRENT_CANDIDATE}))`;
    case StringFilter.NEEDS_VOTES:
      // Undecided strings with candidates, and decided ones whose round is open to challengers.
      return `(u.id IS NOT NULL AND ${HAS_CURRENT_CANDIDATE} AND (NOT ${IS_DECIDED} OR ${LIVE_ROUND}))`;
    case StringFilter.DECIDED:
      return IS_DECIDED;
    case StringFilter.STALE:
      return `(u.winner_translation_id IS NOT NULL AND u.winner_source_hash IS DISTINCT FROM s.source_hash
        AND NOT ${HAS_CURRENT_CANDIDATE})`;
    case StringFilter.INCOMPLETE:
      // Only imported winners can lack a form (the submit path needs every one); the import stores
      // a PLURAL_INCOMPLETE finding per missing form (translation-core, origin 'import').
      return `(${IS_DECIDED} AND EXISTS (SELECT 1 FROM translation w
        WHERE w.id = u.winner_translation_id AND w.findings @> '[{"code": "PLURAL_INCOMPLETE"}]'))`;
    case StringFilter.MINE:
      return `EXISTS (SELECT 1 FROM translation t WHERE t.unit_id = u.id
        AND t.author_id = ${params.add(viewerId)} AND t.status <> 'withdrawn')`;
    default:
      return assertNever(filter);
  }
}

/**
 * Search over key and source text: case-insensitive substring (ILIKE), plus a fuzzy word match
 * (pg_trgm `<%`) so a typo still finds the text. Each arm has a trigram index keyed by project
 * (key, and source text: migrations SourceKeyTrigramByProject, SourceTextTrigramByProject), so the
 * OR is a BitmapOr of index scans rather than a read of every string of the project.
 */
export function searchCondition(search: string, params: SqlParams): string {
  const pattern = params.add(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const fuzzy = search.length >= 4 ? ` OR ${params.add(search)} <% s.source_text` : '';
  return `(s.key ILIKE ${pattern} OR s.source_text ILIKE ${pattern}${fuzzy})`;
}
