import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppError } from '../common/errors/app-error';
import { catalogueError, projectNotVisible } from '../catalogue/catalogue.errors';
import { canonicalLocale } from '../catalogue/locale-code';
import { LocaleEntity } from '../catalogue/locale.entity';
import { ProjectEntity } from '../catalogue/project.entity';
import { ProjectService } from '../catalogue/project.service';
import { SourceStringEntity } from '../catalogue/source-string.entity';
import { GenericPlanPool } from '../database/generic-plan-pool';
import { AccessService } from '../identity/access.service';
import type { MembershipGrant } from '../identity/permissions';
import { translationError } from './translation.errors';
import { UUID } from '../common/uuid';

/** A project and one of its locales, resolved for a viewer who may read the project. */
export interface LocaleScope {
  readonly project: Pick<ProjectEntity, 'id' | 'slug' | 'visibility' | 'settings'>;
  readonly locale: Pick<LocaleEntity, 'id' | 'projectId' | 'code'>;
}

/** The project and locale columns both scope statements read. */
interface ProjectLocaleColumns {
  project_id: string;
  slug: string;
  visibility: ProjectEntity['visibility'];
  settings: ProjectEntity['settings'];
  locale_id: string | null;
  locale_code: string | null;
}

interface LocaleScopeRow extends ProjectLocaleColumns {
  member: boolean;
}

/**
 * A project by slug, the asked locale ($2, the stored code) and whether the viewer ($3, null
 * signed out) is a member, which decides whether they may read a private project (as
 * ProjectService.findVisible). Unique-key probes: planned once per connection (generic-plan pool).
 */
const LOCALE_SCOPE_SQL = `SELECT p.id AS project_id, p.slug, p.visibility, p.settings,
    l.id AS locale_id, l.code AS locale_code,
    EXISTS (SELECT 1 FROM membership m WHERE m.project_id = p.id AND m.user_id = $3) AS member
  FROM project p
  LEFT JOIN locale l ON l.project_id = p.id AND l.code = $2
 WHERE p.slug = $1`;

/** What a string's readers use of its project, locale, source and unit (one statement, below). */
export interface StringScope extends LocaleScope {
  readonly string: Pick<SourceStringEntity, 'id' | 'projectId' | 'sourceHash' | 'sourceText'>;
  /** The (string, locale) unit; null until someone translated or voted there. */
  readonly unit: { readonly id: string; readonly currentRoundId: string | null } | null;
  /** The viewer's roles in the project (none signed out), for `isManager`. */
  readonly memberships: readonly MembershipGrant[];
}

interface StringScopeRow extends ProjectLocaleColumns {
  id: string;
  source_hash: string;
  source_text: string;
  unit_id: string | null;
  current_round_id: string | null;
  memberships: MembershipGrant[] | null;
}

/**
 * A string with its project, the asked locale, its unit there and the viewer's memberships ($3,
 * null signed out; as AccessService.membershipsOf), which decide whether they may read a private
 * project. Every join is a unique-key probe, so it runs on the generic-plan pool, planned once per
 * connection.
 */
const STRING_SCOPE_SQL = `SELECT s.id, s.project_id, s.source_hash, s.source_text,
    p.slug, p.visibility, p.settings, l.id AS locale_id, l.code AS locale_code,
    u.id AS unit_id, u.current_round_id,
    (SELECT json_agg(json_build_object('role', m.role, 'locale', m.locale))
       FROM membership m WHERE m.project_id = p.id AND m.user_id = $3) AS memberships
  FROM source_string s
  JOIN project p ON p.id = s.project_id
  LEFT JOIN locale l ON l.project_id = p.id AND l.code = $2
  LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = l.id
 WHERE s.id = $1`;

/**
 * Read authorisation of the translation context: public projects are readable by anyone (also
 * anonymously), private ones by members only; a private project a viewer cannot read does not
 * exist for them (PROJECT_NOT_FOUND / STRING_NOT_FOUND, never FORBIDDEN).
 */
@Injectable()
export class StringScopeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly genericPlans: GenericPlanPool,
    private readonly projects: ProjectService,
    private readonly access: AccessService,
  ) {}

  async project(slug: string, viewerId: string | null): Promise<ProjectEntity> {
    return this.projects.findVisible(slug, viewerId);
  }

  /**
   * PROJECT_NOT_FOUND when there is no such project or the viewer may not read it (checked first),
   * UNKNOWN_LOCALE when it has no such locale. One round trip, where the project and the locale
   * were two or three TypeORM lookups (every string list, in-context lookup and leaderboard).
   */
  async locale(slug: string, localeCode: string, viewerId: string | null): Promise<LocaleScope> {
    const [row] = await this.genericPlans.query<LocaleScopeRow>(LOCALE_SCOPE_SQL, [
      slug,
      localeCodeOf(localeCode),
      viewerId,
    ]);
    if (row === undefined || (row.visibility !== 'public' && !row.member))
      throw projectNotVisible(slug);
    return projectAndLocale(row, localeCode);
  }

  /**
   * STRING_NOT_FOUND when the string does not exist or the viewer may not read its project (checked
   * first), UNKNOWN_LOCALE when the project has no such locale. One round trip.
   */
  async string(
    stringId: string,
    localeCode: string,
    viewerId: string | null,
  ): Promise<StringScope> {
    const [row] = UUID.test(stringId)
      ? await this.genericPlans.query<StringScopeRow>(STRING_SCOPE_SQL, [
          stringId,
          localeCodeOf(localeCode),
          viewerId,
        ])
      : [];
    const memberships = row?.memberships ?? [];
    if (row === undefined || (row.visibility !== 'public' && memberships.length === 0)) {
      throw translationError('STRING_NOT_FOUND', `No string "${stringId}" is visible to you.`);
    }
    return {
      ...projectAndLocale(row, localeCode),
      string: {
        id: row.id,
        projectId: row.project_id,
        sourceHash: row.source_hash,
        sourceText: row.source_text,
      },
      unit: row.unit_id === null ? null : { id: row.unit_id, currentRoundId: row.current_round_id },
      memberships,
    };
  }

  /**
   * Whether the viewer may manage `localeCode` (sees authors and tallies without voting), by the
   * memberships their `string` scope read.
   */
  async isManager(
    project: Pick<ProjectEntity, 'id' | 'visibility'>,
    viewerId: string | null,
    localeCode: string,
    memberships: readonly MembershipGrant[],
  ): Promise<boolean> {
    return (
      viewerId !== null &&
      this.access.canWith(viewerId, project, memberships, 'candidate.approve', localeCode)
    );
  }

  async localeOf(project: ProjectEntity, localeCode: string): Promise<LocaleEntity> {
    const locale = await this.dataSource
      .getRepository(LocaleEntity)
      .findOne({ where: { projectId: project.id, code: localeCodeOf(localeCode) } });
    if (locale === null) throw unknownLocale(project, localeCode);
    return locale;
  }
}

/** A scope row's project and locale; UNKNOWN_LOCALE when the project has no such locale. */
function projectAndLocale(row: ProjectLocaleColumns, localeCode: string): LocaleScope {
  const project = {
    id: row.project_id,
    slug: row.slug,
    visibility: row.visibility,
    settings: row.settings,
  };
  if (row.locale_id === null || row.locale_code === null) throw unknownLocale(project, localeCode);
  return {
    project,
    locale: { id: row.locale_id, projectId: row.project_id, code: row.locale_code },
  };
}

/** The code a locale row is stored under for what a client sent (canonical BCP 47 when valid). */
export function localeCodeOf(localeCode: string): string {
  return canonicalLocale(localeCode) ?? localeCode;
}

export function unknownLocale(project: Pick<ProjectEntity, 'slug'>, localeCode: string): AppError {
  return catalogueError(
    'UNKNOWN_LOCALE',
    `Project "${project.slug}" has no locale "${localeCode}"; ask a developer to add it.`,
  );
}
