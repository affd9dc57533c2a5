import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { commonError } from '../common/errors/common.errors';
import { projectNotVisible } from '../catalogue/catalogue.errors';
import { ProjectEntity } from '../catalogue/project.entity';
import type { TokenPrincipal } from './api-token.service';
import { identityError } from './identity.errors';
import { MembershipEntity } from './membership.entity';
import {
  deniedByProjectBan,
  isAllowed,
  type MembershipGrant,
  type ProjectAction,
} from './permissions';

/** A user's running ban from one project (moderation): no contributor actions until it ends. */
export interface ActiveProjectBan {
  readonly reason: string;
  /** null: until a manager lifts it. */
  readonly expiresAt: Date | null;
}

/** The SQL of a running ban of user `$2` in project `$1` (also used inline by hot-path queries). */
export const ACTIVE_BAN_SQL = `SELECT reason, expires_at FROM project_ban
  WHERE project_id = $1 AND user_id = $2 AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > now())
  ORDER BY expires_at DESC NULLS FIRST LIMIT 1`;

/**
 * Who calls a REST route that accepts both: a signed-in user, or a project API token (whose scope
 * ProjectTokenGuard has already checked).
 */
export type Caller = { readonly userId: string } | { readonly token: TokenPrincipal };

/** Authorisation against the permission table, for signed-in users and API tokens. */
@Injectable()
export class AccessService {
  constructor(private readonly dataSource: DataSource) {}

  async membershipsOf(projectId: string, userId: string): Promise<MembershipGrant[]> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { projectId, userId }, select: { role: true, locale: true } });
  }

  /** The user's running ban from the project, if any. */
  async activeBan(projectId: string, userId: string): Promise<ActiveProjectBan | null> {
    const [row] = await this.dataSource.query<{ reason: string; expires_at: Date | null }[]>(
      ACTIVE_BAN_SQL,
      [projectId, userId],
    );
    return row === undefined ? null : { reason: row.reason, expiresAt: row.expires_at };
  }

  /** Throws PROJECT_BANNED when `action` is a contribution and the user is banned from the project. */
  async requireNotBanned(
    project: Pick<ProjectEntity, 'id' | 'slug'>,
    userId: string,
    action: ProjectAction,
  ): Promise<void> {
    if (!deniedByProjectBan(action)) return;
    const ban = await this.activeBan(project.id, userId);
    if (ban !== null) throw projectBanned(project, ban);
  }

  async can(
    userId: string,
    project: Pick<ProjectEntity, 'id' | 'visibility'>,
    action: ProjectAction,
    locale?: string,
  ): Promise<boolean> {
    return this.canWith(
      userId,
      project,
      await this.membershipsOf(project.id, userId),
      action,
      locale,
    );
  }

  /** `can` for a caller that has already read the user's memberships of the project. */
  async canWith(
    userId: string,
    project: Pick<ProjectEntity, 'id' | 'visibility'>,
    memberships: readonly MembershipGrant[],
    action: ProjectAction,
    locale?: string,
  ): Promise<boolean> {
    if (deniedByProjectBan(action) && (await this.activeBan(project.id, userId)) !== null) {
      return false;
    }
    return allows(project, memberships, action, locale);
  }

  /**
   * Loads a project by slug for `action`: PROJECT_NOT_FOUND when it does not exist or is private
   * and the user is not a member (its existence is not revealed), FORBIDDEN when the role lacks it.
   */
  async requireProject(
    userId: string,
    slug: string,
    action: ProjectAction,
    locale?: string,
  ): Promise<ProjectEntity> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOne({ where: { slug } });
    if (project === null) throw projectNotVisible(slug);
    const memberships = await this.membershipsOf(project.id, userId);
    if (project.visibility === 'private' && memberships.length === 0) throw projectNotVisible(slug);
    if (!allows(project, memberships, action, locale)) throw forbidden(project, action, locale);
    await this.requireNotBanned(project, userId, action);
    return project;
  }

  /**
   * requireProject for a REST caller: a user is checked against the permission table; a token must
   * belong to this project (TOKEN_PROJECT otherwise); nobody at all is UNAUTHENTICATED.
   */
  async requireProjectFor(
    caller: Caller | null,
    slug: string,
    action: ProjectAction,
    locale?: string,
  ): Promise<ProjectEntity> {
    if (caller === null) {
      throw identityError(
        'UNAUTHENTICATED',
        'Sign in, or send a project API token as "Authorization: Bearer chorus_…".',
      );
    }
    if ('userId' in caller) return this.requireProject(caller.userId, slug, action, locale);
    const project = await this.dataSource.getRepository(ProjectEntity).findOne({ where: { slug } });
    // A token of another project learns nothing about a private one: same answer as a missing slug.
    if (project === null) throw projectNotVisible(slug);
    if (project.id !== caller.token.projectId && project.visibility === 'private') {
      throw projectNotVisible(slug);
    }
    if (project.id !== caller.token.projectId) {
      throw identityError(
        'TOKEN_PROJECT',
        `This API token belongs to another project, not "${slug}". Use a token of "${slug}".`,
      );
    }
    return project;
  }

  /**
   * The same decision for memberships the caller has already read (one query fewer on hot paths):
   * PROJECT_NOT_FOUND when the project is private and they are not a member, FORBIDDEN when the
   * role lacks the action, PROJECT_BANNED when `ban` (read with them) withdraws it.
   */
  check(
    project: Pick<ProjectEntity, 'id' | 'visibility' | 'slug'>,
    memberships: readonly MembershipGrant[],
    action: ProjectAction,
    locale?: string,
    ban: ActiveProjectBan | null = null,
  ): void {
    if (project.visibility === 'private' && memberships.length === 0) {
      throw projectNotVisible(project.slug);
    }
    if (!allows(project, memberships, action, locale)) throw forbidden(project, action, locale);
    if (ban !== null && deniedByProjectBan(action)) throw projectBanned(project, ban);
  }

  /** Throws FORBIDDEN, naming the action, unless the user may do it (PROJECT_BANNED when banned). */
  async require(
    userId: string,
    project: Pick<ProjectEntity, 'id' | 'visibility' | 'slug'>,
    action: ProjectAction,
    locale?: string,
  ): Promise<void> {
    const memberships = await this.membershipsOf(project.id, userId);
    if (!allows(project, memberships, action, locale)) throw forbidden(project, action, locale);
    await this.requireNotBanned(project, userId, action);
  }
}

/** The permission table's answer for these memberships in this project (and locale). */
function allows(
  project: Pick<ProjectEntity, 'visibility'>,
  memberships: readonly MembershipGrant[],
  action: ProjectAction,
  locale: string | undefined,
): boolean {
  return isAllowed(action, {
    memberships,
    publicProject: project.visibility === 'public',
    ...(locale === undefined ? {} : { locale }),
  });
}

function projectBanned(project: Pick<ProjectEntity, 'slug'>, ban: ActiveProjectBan) {
  const until =
    ban.expiresAt === null ? 'until a manager lifts it' : `until ${ban.expiresAt.toISOString()}`;
  return identityError(
    'PROJECT_BANNED',
    `You are banned from project "${project.slug}" ${until} (reason: ${ban.reason}); you may read it but not translate, vote, comment or report there.`,
    { expiresAt: ban.expiresAt === null ? null : ban.expiresAt.toISOString() },
  );
}

function forbidden(project: Pick<ProjectEntity, 'slug'>, action: ProjectAction, locale?: string) {
  const where =
    locale === undefined ? `project "${project.slug}"` : `${locale} in project "${project.slug}"`;
  return commonError(
    'FORBIDDEN',
    `You may not ${action.replace('.', ': ')} in ${where}. Ask a project owner for the role.`,
  );
}
