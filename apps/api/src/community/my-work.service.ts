import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalLocale } from '../catalogue/locale-code';
import { commonError } from '../common/errors/common.errors';
import { UserEntity } from '../identity/user.entity';
import { communityError } from './community.errors';
import type { MyCandidatePageModel, MyWorkModel } from './dto/my-work.model';

interface CandidateRow {
  id: string;
  project: string;
  locale: string;
  string_id: string;
  key: string;
  text: string | null;
  status: string;
  winner_translation_id: string | null;
  created_at: Date;
  /** created_at to the microsecond (a JS Date keeps milliseconds only), for the cursor. */
  created_key: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|([0-9a-f-]{36})$/;

/** The personal page: my locales, my candidates and where they stand, my votes and wins. */
@Injectable()
export class MyWorkService {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets the languages a person translates into (canonical BCP 47, no duplicates). */
  async setLanguages(userId: string, input: readonly string[]): Promise<UserEntity> {
    const invalid = input.filter((code) => canonicalLocale(code) === null);
    if (invalid.length > 0) {
      throw communityError(
        'INVALID_LANGUAGES',
        `Not a BCP 47 language code: ${invalid.map((c) => JSON.stringify(c)).join(', ')} (try "de" or "pt-BR").`,
      );
    }
    const languages = [...new Set(input.map((code) => canonicalLocale(code) ?? code))];
    const users = this.dataSource.getRepository(UserEntity);
    await users.update({ id: userId }, { languages });
    return users.findOneOrFail({ where: { id: userId } });
  }

  async summary(userId: string): Promise<MyWorkModel> {
    const locales = await this.dataSource.query<
      { project: string; project_name: string; locale: string; role: string }[]
    >(
      `SELECT p.slug AS project, p.name AS project_name, m.locale, m.role
         FROM membership m JOIN project p ON p.id = m.project_id
        WHERE m.user_id = $1
        ORDER BY p.slug, m.locale, m.role
        LIMIT 500`,
      [userId],
    );
    const [counts] = await this.dataSource.query<
      { candidates: number; votes: number; wins: number }[]
    >(
      `SELECT (SELECT count(*) FROM translation WHERE author_id = $1)::int AS candidates,
              (SELECT count(*) FROM vote WHERE voter_id = $1)::int AS votes,
              (SELECT count(*) FROM translation t JOIN translation_unit u ON u.winner_translation_id = t.id
                WHERE t.author_id = $1)::int AS wins`,
      [userId],
    );
    return {
      locales: locales.map((l) => ({
        project: l.project,
        projectName: l.project_name,
        locale: l.locale,
        role: l.role,
      })),
      candidates: counts?.candidates ?? 0,
      votes: counts?.votes ?? 0,
      wins: counts?.wins ?? 0,
    };
  }

  /** My candidates, newest first, in keyset pages. */
  async candidates(
    userId: string,
    first: number,
    after: string | null,
  ): Promise<MyCandidatePageModel> {
    const cursor = after === null ? null : CURSOR.exec(after);
    if (after !== null && cursor === null) {
      throw commonError('BAD_USER_INPUT', 'after must be the endCursor of a previous page.');
    }
    const rows = await this.dataSource.query<CandidateRow[]>(
      `SELECT t.id, p.slug AS project, l.code AS locale, s.id AS string_id, s.key,
              coalesce(t.forms->>'', t.forms->>'other', (SELECT value FROM jsonb_each_text(t.forms) LIMIT 1)) AS text,
              t.status, u.winner_translation_id, t.created_at,
              to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
         FROM translation t
         JOIN translation_unit u ON u.id = t.unit_id
         JOIN source_string s ON s.id = u.string_id
         JOIN locale l ON l.id = u.locale_id
         JOIN project p ON p.id = u.project_id
        WHERE t.author_id = $1
          AND ($2::timestamptz IS NULL OR (t.created_at, t.id) < ($2::timestamptz, $3::uuid))
        ORDER BY t.created_at DESC, t.id DESC
        LIMIT $4`,
      [userId, cursor?.[1] ?? null, cursor?.[2] ?? null, first + 1],
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        project: r.project,
        locale: r.locale,
        stringId: r.string_id,
        key: r.key,
        text: r.text ?? '',
        state: candidateState(r),
        createdAt: r.created_at,
      })),
      endCursor:
        rows.length > first && last !== undefined ? `${last.created_key}|${last.id}` : null,
    };
  }
}

function candidateState(row: Pick<CandidateRow, 'id' | 'status' | 'winner_translation_id'>) {
  if (row.winner_translation_id === row.id) return 'WON';
  switch (row.status) {
    case 'withdrawn':
      return 'WITHDRAWN';
    case 'rejected':
      return 'REJECTED';
    case 'outdated':
      return 'OUTDATED';
    default:
      return row.winner_translation_id === null ? 'VOTING' : 'LOST';
  }
}
