import type { UnitKind } from '@chorus/translation-core';
import type { DataSource } from 'typeorm';
import { catalogueError } from '../catalogue/catalogue.errors';
import { preparedQuery } from '../database/prepared-query';
import type { AccessService, ActiveProjectBan } from '../identity/access.service';
import { isAllowed, type MembershipGrant, type ProjectAction } from '../identity/permissions';
import { votingError } from './voting.errors';

/*
 * What a change to a unit reads before its transaction: the string or candidate acted on, its
 * project and locale, and the acting user's memberships and ban, in one statement.
 */

/** The acting user's memberships and running ban in a project, read with what they act on. */
export interface ActorColumns {
  memberships: MembershipGrant[];
  /** The acting user's running project ban (moderation), if any. */
  ban: { reason: string; expires_at: string | null } | null;
}

/**
 * SQL columns of ActorColumns for project alias `p` and the acting user `$2`; the ban condition is
 * AccessService's ACTIVE_BAN_SQL.
 */
const ACTOR_COLUMNS = `COALESCE((SELECT jsonb_agg(jsonb_build_object('role', m.role, 'locale', m.locale))
                          FROM membership m WHERE m.project_id = p.id AND m.user_id = $2), '[]') AS memberships,
              (SELECT jsonb_build_object('reason', b.reason, 'expires_at', b.expires_at)
                 FROM project_ban b WHERE b.project_id = p.id AND b.user_id = $2 AND b.lifted_at IS NULL
                  AND (b.expires_at IS NULL OR b.expires_at > now())
                ORDER BY b.expires_at DESC NULLS FIRST LIMIT 1) AS ban`;

export function activeBanOf(row: ActorColumns): ActiveProjectBan | null {
  return row.ban === null
    ? null
    : {
        reason: row.ban.reason,
        expiresAt: row.ban.expires_at === null ? null : new Date(row.ban.expires_at),
      };
}

/** A candidate, its unit and string, and the acting user's memberships: one query. */
export interface CandidateRow extends StringRow, ActorColumns {
  unit_id: string;
  code: string;
}

/** The string acted on, its target locale (null: the project has no such locale) and the actor. */
export interface ActingStringRow extends StringRow, ActorColumns {
  locale_id: string | null;
}

export interface StringRow {
  id: string;
  project_id: string;
  slug: string;
  visibility: 'public' | 'private';
  source_locale: string;
  kind: UnitKind;
  forms: Record<string, string>;
  max_length: number | null;
  removed_at: Date | null;
}

/** The candidate's unit, string, project and locale, and the user's memberships there. */
export async function loadCandidate(
  db: DataSource,
  candidateId: string,
  userId: string,
): Promise<CandidateRow> {
  const rows = await preparedQuery<CandidateRow>(
    db,
    `SELECT t.unit_id, l.code, s.id, s.project_id, p.slug, p.visibility, p.source_locale, s.kind,
            s.forms, s.max_length, s.removed_at,
            ${ACTOR_COLUMNS}
       FROM translation t
       JOIN translation_unit tu ON tu.id = t.unit_id
       JOIN locale l ON l.id = tu.locale_id
       JOIN source_string s ON s.id = tu.string_id
       JOIN project p ON p.id = s.project_id
      WHERE t.id = $1`,
    [candidateId, userId],
  );
  const row = rows[0];
  if (row === undefined) throw votingError('CANDIDATE_NOT_FOUND', `No candidate ${candidateId}.`);
  if (row.removed_at !== null) throw retired();
  return row;
}

/**
 * The string a user acts on in one locale (a submit, a manager's lock), that locale, and the
 * user's memberships and ban: one statement (it was four: the string, the locale, the memberships
 * through TypeORM, the ban). Errors in this order: STRING_NOT_FOUND, STRING_RETIRED,
 * UNKNOWN_LOCALE (the source locale included), then `action`'s access check (PROJECT_NOT_FOUND,
 * FORBIDDEN, PROJECT_BANNED) for the whole project, or for `actionLocale` when given.
 */
export async function loadActingString(
  db: DataSource,
  access: AccessService,
  request: {
    readonly stringId: string;
    readonly userId: string;
    readonly locale: string;
    readonly action: ProjectAction;
    readonly actionLocale?: string;
  },
): Promise<ActingStringRow & { readonly locale_id: string }> {
  const { stringId, userId, locale } = request;
  const rows = await preparedQuery<ActingStringRow>(
    db,
    `SELECT s.id, s.project_id, p.slug, p.visibility, p.source_locale, s.kind, s.forms,
            s.max_length, s.removed_at,
            (SELECT l.id FROM locale l WHERE l.project_id = p.id AND l.code = $3) AS locale_id,
            ${ACTOR_COLUMNS}
       FROM source_string s JOIN project p ON p.id = s.project_id
      WHERE s.id = $1`,
    [stringId, userId, locale],
  );
  const row = rows[0];
  if (row === undefined) throw votingError('STRING_NOT_FOUND', `No string ${stringId}.`);
  if (row.removed_at !== null) throw retired();
  if (row.locale_id === null || locale === row.source_locale) {
    throw catalogueError(
      'UNKNOWN_LOCALE',
      `"${locale}" is not a target locale of project "${row.slug}".`,
    );
  }
  const project = { id: row.project_id, visibility: row.visibility, slug: row.slug };
  access.check(project, row.memberships, request.action, request.actionLocale, activeBanOf(row));
  return { ...row, locale_id: row.locale_id };
}

/** Whether these memberships manage `locale` (see authors and tallies unblinded, approve). */
export function managesLocale(
  memberships: readonly MembershipGrant[],
  visibility: 'public' | 'private',
  locale: string,
): boolean {
  return isAllowed('candidate.approve', {
    memberships,
    publicProject: visibility === 'public',
    locale,
  });
}

export function retired() {
  return votingError(
    'STRING_RETIRED',
    'This string was removed from the catalogue; it takes no new translations or votes.',
  );
}
