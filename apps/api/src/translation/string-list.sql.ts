import { notGlossarySql } from '../glossary/glossary-namespace';
import type { StringFilter } from './dto/translation-enums';
import type { SqlParams } from './sql-params';
import { filterCondition, searchCondition } from './string-filter.sql';

/** Where a page starts: the catalogue position and id of the previous page's last string. */
export interface Cursor {
  readonly position: number;
  readonly id: string;
}

/**
 * The FROM and WHERE of a string list in one locale: the project's live strings (not its
 * glossary's) that pass the filter and, when given, the search.
 */
export function stringListFrom(
  q: {
    readonly projectId: string;
    readonly localeId: string;
    readonly filter: StringFilter;
    readonly viewerId: string | null;
    readonly search: string;
  },
  params: SqlParams,
): string {
  const where = [
    `s.project_id = ${params.add(q.projectId)}`,
    's.removed_at IS NULL',
    notGlossarySql('s'),
    filterCondition(q.filter, q.viewerId, params),
  ];
  if (q.search !== '') where.push(searchCondition(q.search, params));
  return `FROM source_string s
      LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${params.add(q.localeId)}
      WHERE ${where.join(' AND ')}`;
}

/** A page of `from` (stringListFrom) in catalogue order, after the cursor: ids and positions. */
export function stringPageSql(
  from: string,
  after: Cursor | null,
  limit: number,
  params: SqlParams,
): string {
  return `SELECT s.id, s.position ${from}${afterCursor('s', after, params)} ORDER BY s.position, s.id LIMIT ${params.add(limit)}`;
}

/** The condition that keeps the strings of `alias` after the cursor (none without one). */
export function afterCursor(alias: string, after: Cursor | null, params: SqlParams): string {
  if (after === null) return '';
  return ` AND (${alias}.position, ${alias}.id) > (${params.add(after.position)}, ${params.add(after.id)}::uuid)`;
}
