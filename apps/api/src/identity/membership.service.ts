import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { canonicalLocale } from '../catalogue/locale-code';
import { AccessService } from './access.service';
import { identityError } from './identity.errors';
import { MembershipEntity, type ProjectRole } from './membership.entity';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

export interface MemberRow {
  readonly membership: MembershipEntity;
  readonly user: UserEntity;
}

/** Project memberships: who has which role (owners manage them). */
@Injectable()
export class MembershipService {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async list(userId: string, slug: string): Promise<MemberRow[]> {
    const project = await this.access.requireProject(userId, slug, 'member.view');
    const rows = await this.dataSource.getRepository(MembershipEntity).find({
      where: { projectId: project.id },
      relations: { user: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.flatMap((m) => (m.user === undefined ? [] : [{ membership: m, user: m.user }]));
  }

  /**
   * Grants a role. A language_manager needs a locale the project translates into; the other roles
   * span the project and must not name one.
   */
  async add(
    actorId: string,
    slug: string,
    email: string,
    role: ProjectRole,
    localeInput: string | null,
  ): Promise<MemberRow> {
    const project = await this.access.requireProject(actorId, slug, 'member.manage');
    const locale = await this.membershipLocale(project.id, role, localeInput);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, {
        where: { email: email.trim().toLowerCase() },
      });
      if (user === null) {
        throw identityError(
          'USER_NOT_FOUND',
          `No account uses ${email}. Ask them to sign up first, then add them.`,
        );
      }
      const existing = await manager.findOne(MembershipEntity, {
        where: { projectId: project.id, userId: user.id, role, locale },
      });
      if (existing !== null) {
        throw identityError(
          'ALREADY_MEMBER',
          `${email} already has the role ${role}${locale === '' ? '' : ` for ${locale}`} in "${slug}".`,
        );
      }
      const membership = await manager.save(
        manager.create(MembershipEntity, { projectId: project.id, userId: user.id, role, locale }),
      );
      await this.audit.record(
        {
          actorId,
          projectId: project.id,
          type: 'member.added',
          payload: { membershipId: membership.id, userId: user.id, role, locale },
        },
        manager,
      );
      return { membership, user };
    });
  }

  /** Removes one role; the last owner of a project cannot be removed (LAST_OWNER). */
  async remove(actorId: string, slug: string, membershipId: string): Promise<boolean> {
    const project = await this.access.requireProject(actorId, slug, 'member.manage');
    const removedUserId = await this.dataSource.transaction(async (manager) => {
      // Lock the owners so two concurrent removals cannot each leave "another" owner behind.
      const owners = await manager
        .createQueryBuilder(MembershipEntity, 'm')
        .setLock('pessimistic_write')
        .where("m.project_id = :projectId AND m.role = 'owner'", { projectId: project.id })
        .getMany();
      const membership = await manager.findOne(MembershipEntity, {
        where: { id: membershipId, projectId: project.id },
      });
      if (membership === null) {
        throw identityError('MEMBER_NOT_FOUND', `No membership ${membershipId} in "${slug}".`);
      }
      if (membership.role === 'owner' && owners.length <= 1) {
        throw identityError(
          'LAST_OWNER',
          `This is the last owner of "${slug}". Add another owner before removing this one.`,
        );
      }
      await manager.delete(MembershipEntity, { id: membership.id });
      await this.audit.record(
        {
          actorId,
          projectId: project.id,
          type: 'member.removed',
          payload: {
            membershipId,
            userId: membership.userId,
            role: membership.role,
            locale: membership.locale,
          },
        },
        manager,
      );
      return membership.userId;
    });
    // After commit: every process re-reads this user's session and access on their next request.
    await this.sessions.invalidateUser(removedUserId);
    return true;
  }

  private async membershipLocale(
    projectId: string,
    role: ProjectRole,
    input: string | null,
  ): Promise<string> {
    if (role !== 'language_manager') {
      if (input !== null && input !== '') {
        throw identityError(
          'INVALID_MEMBERSHIP',
          `Only a language_manager has a locale; leave locale empty for ${role}.`,
        );
      }
      return '';
    }
    const locale = input === null ? null : canonicalLocale(input);
    if (locale === null) {
      throw identityError(
        'INVALID_MEMBERSHIP',
        'A language_manager needs the locale they manage, e.g. locale: "de".',
      );
    }
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM locale WHERE project_id = $1 AND code = $2',
      [projectId, locale],
    );
    if (rows.length === 0) {
      throw identityError(
        'INVALID_MEMBERSHIP',
        `The project does not translate into ${locale}. Add the locale first (addLocale).`,
      );
    }
    return locale;
  }
}
