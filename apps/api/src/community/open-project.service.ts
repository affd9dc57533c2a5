import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { canonicalLocale } from '../catalogue/locale-code';
import { ProjectEntity } from '../catalogue/project.entity';
import { projectNotVisible } from '../catalogue/catalogue.errors';
import { AccessService } from '../identity/access.service';
import { MembershipEntity } from '../identity/membership.entity';
import {
  deniedByProjectBan,
  isAllowed,
  PROJECT_ACTIONS,
  type MembershipGrant,
} from '../identity/permissions';
import { communityError } from './community.errors';
import type { ViewerCapabilitiesModel } from './dto/viewer-capabilities.model';
import { requireTargetLocale, targetLocalesOf } from './project-locales';

/** Open projects: the owner opens one, any signed-in person joins it as a translator. */
@Injectable()
export class OpenProjectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Opens or closes a project (owners). Only a public project may be open: a private one takes
   * invite links (PRIVATE_PROJECT). Help-wanted locales must be locales of the project.
   */
  async setOpen(
    actorId: string,
    slug: string,
    open: boolean,
    helpWanted: readonly string[] | null,
  ): Promise<ProjectEntity> {
    const project = await this.access.requireProject(actorId, slug, 'project.update');
    if (open && project.visibility !== 'public') {
      throw communityError(
        'PRIVATE_PROJECT',
        `"${slug}" is private. Make it public to open it, or invite people with createInvite.`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      let wanted = project.helpWantedLocales;
      if (helpWanted !== null) {
        const locales = await targetLocalesOf(manager, project);
        const codes = helpWanted.map((code) => canonicalLocale(code) ?? code);
        const unknown = codes.filter((code) => !locales.includes(code));
        if (unknown.length > 0) {
          throw communityError(
            'LOCALE_NOT_IN_PROJECT',
            `"${slug}" does not translate into ${unknown.join(', ')}. Add the locale first (addLocale).`,
            { locales },
          );
        }
        wanted = [...new Set(codes)].sort();
      }
      await manager.update(ProjectEntity, { id: project.id }, { open, helpWantedLocales: wanted });
      await this.audit.record(
        {
          actorId,
          projectId: project.id,
          type: 'project.open_changed',
          payload: { open, helpWantedLocales: wanted },
        },
        manager,
      );
      return { ...project, open, helpWantedLocales: wanted };
    });
  }

  /**
   * Joins an open project as a translator for `locale`. Idempotent: joining twice returns the same
   * membership. A closed or private project refuses (PROJECT_NOT_OPEN; a private one the caller
   * cannot see is PROJECT_NOT_FOUND, so its existence is not revealed).
   */
  async join(userId: string, slug: string, localeInput: string): Promise<MembershipEntity> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOne({ where: { slug } });
    if (project === null) throw projectNotVisible(slug);
    const memberships = await this.access.membershipsOf(project.id, userId);
    if (project.visibility === 'private' && memberships.length === 0) throw projectNotVisible(slug);
    if (!project.open || project.visibility !== 'public') {
      throw communityError(
        'PROJECT_NOT_OPEN',
        `"${slug}" is not open to volunteers. Ask an owner for an invite link.`,
      );
    }
    // Someone banned from the project (moderation) may not come back in through the open door.
    await this.access.requireNotBanned(project, userId, 'translation.submit');
    return this.dataSource.transaction(async (manager) => {
      const locale = await requireTargetLocale(manager, project, localeInput);
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO membership (project_id, user_id, role, locale) VALUES ($1, $2, 'translator', $3)
         ON CONFLICT (project_id, user_id, role, locale) DO NOTHING RETURNING id`,
        [project.id, userId, locale],
      );
      if (inserted.length > 0) {
        await this.audit.record(
          {
            actorId: userId,
            projectId: project.id,
            type: 'member.joined',
            payload: { userId, role: 'translator', locale },
          },
          manager,
        );
      }
      return manager.findOneOrFail(MembershipEntity, {
        where: { projectId: project.id, userId, role: 'translator', locale },
        relations: { user: true },
      });
    });
  }

  /** The viewer's capabilities, derived from the permission table (never a second copy of it). */
  async capabilities(
    project: Pick<ProjectEntity, 'id' | 'visibility' | 'open' | 'sourceLocale'>,
    userId: string | null,
  ): Promise<ViewerCapabilitiesModel> {
    const memberships: MembershipGrant[] =
      userId === null ? [] : await this.access.membershipsOf(project.id, userId);
    const ban = userId === null ? null : await this.access.activeBan(project.id, userId);
    const banned = ban !== null;
    const publicProject = project.visibility === 'public';
    const locales = await targetLocalesOf(this.dataSource.manager, project);
    const allowedSomewhere = (action: (typeof PROJECT_ACTIONS)[number]): boolean =>
      userId !== null &&
      !(banned && deniedByProjectBan(action)) &&
      (isAllowed(action, { memberships, publicProject }) ||
        locales.some((locale) => isAllowed(action, { memberships, publicProject, locale })));
    return {
      actions: PROJECT_ACTIONS.filter(allowedSomewhere),
      managedLocales:
        userId === null
          ? []
          : locales.filter((locale) =>
              isAllowed('candidate.approve', { memberships, publicProject, locale }),
            ),
      roles: [...new Set(memberships.map((m) => m.role))],
      joinedLocales: memberships
        .filter((m) => m.role === 'translator' && m.locale !== '')
        .map((m) => m.locale)
        .sort(),
      canJoin: userId !== null && !banned && project.open && publicProject,
      banned,
      bannedUntil: ban?.expiresAt ?? null,
    };
  }
}
