import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { identityError } from '../identity/identity.errors';
import type { StringConnectionModel } from './dto/translatable-string.model';
import { StringFilter } from './dto/translation-enums';
import { SqlParams } from './sql-params';
import { filterCondition, searchCondition } from './string-filter.sql';
import { StringScopeService } from './string-scope.service';
import { TranslatableStringService } from './translatable-string.service';
import { translationError } from './translation.errors';
import { notGlossarySql } from '../glossary/glossary-namespace';

export interface StringListQuery {
  readonly project: string;
  readonly locale: string;
  readonly filter: StringFilter;
  readonly search?: string | null;
  readonly first: number;
  readonly after?: string | null;
}

interface Cursor {
  readonly position: number;
  readonly id: string;
}

/** Lists the live strings of a project in one locale, in catalogue order, a page at a time. */
@Injectable()
export class StringListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: StringScopeService,
    private readonly strings: TranslatableStringService,
  ) {}

  async list(query: StringListQuery, viewerId: string | null): Promise<StringConnectionModel> {
    if (query.filter === StringFilter.MINE && viewerId === null) {
      throw identityError('UNAUTHENTICATED', 'Sign in to list your own translations.');
    }
    const after = query.after ? decodeCursor(query.after) : null;
    const { locale } = await this.scope.locale(query.project, query.locale, viewerId);

    const params = new SqlParams();
    const where = [
      `s.project_id = ${params.add(locale.projectId)}`,
      's.removed_at IS NULL',
      notGlossarySql('s'),
      filterCondition(query.filter, viewerId, params),
    ];
    const search = query.search?.trim() ?? '';
    if (search !== '') where.push(searchCondition(search, params));
    const from = `FROM source_string s
      LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = ${params.add(locale.id)}
      WHERE ${where.join(' AND ')}`;

    const [count] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total ${from}`,
      params.values,
    );
    const pageParams = new SqlParams();
    pageParams.values.push(...params.values);
    const page =
      after === null
        ? ''
        : ` AND (s.position, s.id) > (${pageParams.add(after.position)}, ${pageParams.add(after.id)}::uuid)`;
    const rows = await this.dataSource.query<{ id: string; position: number }[]>(
      `SELECT s.id, s.position ${from}${page} ORDER BY s.position, s.id LIMIT ${pageParams.add(query.first + 1)}`,
      pageParams.values,
    );
    const pageRows = rows.slice(0, query.first);
    const nodes = await this.strings.load(
      pageRows.map((r) => r.id),
      locale,
      viewerId,
    );
    const cursors = new Map(pageRows.map((r) => [r.id, encodeCursor(r)]));
    const edges = nodes.map((node) => ({ cursor: cursors.get(node.id) ?? '', node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > query.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: count?.total ?? 0,
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque cursor: the catalogue position and id of the last string of a page. */
export function encodeCursor(row: Cursor): string {
  return Buffer.from(`${row.position}:${row.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  const [position, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const n = Number(position);
  if (id === undefined || !UUID.test(id) || !Number.isSafeInteger(n)) {
    throw translationError(
      'INVALID_CURSOR',
      'The "after" cursor is not one this API returned; use pageInfo.endCursor of the previous page.',
    );
  }
  return { position: n, id };
}
