import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ProjectEntity } from '../catalogue/project.entity';
import { newSecretToken, sha256Hex } from '../common/auth/tokens';
import { AccessService } from '../identity/access.service';
import { MembershipEntity, type ProjectRole } from '../identity/membership.entity';
import { communityError } from './community.errors';
import { InviteEntity } from './invite.entity';
import { requireTargetLocale } from './project-locales';

/** Unrevoked, unexpired invites a project may hold at once (a bound on what an owner can mint). */
export const MAX_ACTIVE_INVITES = 100;
const MAX_LIFETIME_MS = 366 * 86_400_000;
export const INVITE_TOKEN_PREFIX = 'chorus_inv_';

export interface NewInvite {
  readonly role: Exclude<ProjectRole, 'owner'>;
  readonly locale: string | null;
  readonly expiresAt: Date | null;
  readonly maxUses: number | null;
}

/** Invite links for closed projects: created and revoked by owners, accepted by anyone signed in. */
@Injectable()
export class InviteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(
    actorId: string,
    slug: string,
    input: NewInvite,
    now: Date,
  ): Promise<{ invite: InviteEntity; project: ProjectEntity; token: string }> {
    const project = await this.access.requireProject(actorId, slug, 'member.manage');
    if (input.expiresAt !== null) {
      const ms = input.expiresAt.getTime() - now.getTime();
      if (!(ms > 0 && ms <= MAX_LIFETIME_MS)) {
        throw communityError(
          'INVALID_INVITE',
          'expiresAt must lie in the future and at most a year ahead.',
        );
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const locale = await this.inviteLocale(manager, project, input.role, input.locale);
      // Serialise invite creation per project so the active-invite bound holds under concurrency.
      await manager.query('SELECT id FROM project WHERE id = $1 FOR UPDATE', [project.id]);
      const [active] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM invite WHERE project_id = $1 AND revoked_at IS NULL
            AND (expires_at IS NULL OR expires_at > $2) AND (max_uses IS NULL OR uses < max_uses)`,
        [project.id, now],
      );
      if ((active?.n ?? 0) >= MAX_ACTIVE_INVITES) {
        throw communityError(
          'TOO_MANY_INVITES',
          `"${slug}" already has ${MAX_ACTIVE_INVITES} working invite links. Revoke some first.`,
        );
      }
      const token = newSecretToken(INVITE_TOKEN_PREFIX);
      const invite = await manager.save(
        manager.create(InviteEntity, {
          projectId: project.id,
          tokenHash: sha256Hex(token),
          role: input.role,
          locale,
          expiresAt: input.expiresAt,
          maxUses: input.maxUses,
          createdBy: actorId,
          revokedAt: null,
        }),
      );
      await this.audit.record(
        {
          actorId,
          projectId: project.id,
          type: 'invite.created',
          payload: {
            inviteId: invite.id,
            role: input.role,
            locale,
            maxUses: input.maxUses,
            expiresAt: input.expiresAt?.toISOString() ?? null,
          },
        },
        manager,
      );
      return { invite, project, token };
    });
  }

  async list(
    actorId: string,
    slug: string,
  ): Promise<{ project: ProjectEntity; invites: InviteEntity[] }> {
    const project = await this.access.requireProject(actorId, slug, 'member.manage');
    const invites = await this.dataSource.getRepository(InviteEntity).find({
      where: { projectId: project.id },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 500,
    });
    return { project, invites };
  }

  async revoke(
    actorId: string,
    id: string,
    now: Date,
  ): Promise<{ invite: InviteEntity; project: ProjectEntity }> {
    const found = await this.dataSource
      .getRepository(InviteEntity)
      .findOne({ where: { id }, relations: { project: true } });
    if (found === null || found.project === undefined) throw inviteNotFound();
    // A private project's invites are as invisible as the project (PROJECT_NOT_FOUND then).
    const project = await this.access.requireProject(actorId, found.project.slug, 'member.manage');
    return this.dataSource.transaction(async (manager) => {
      await manager.update(InviteEntity, { id, revokedAt: IsNull() }, { revokedAt: now });
      const invite = await manager.findOneOrFail(InviteEntity, { where: { id } });
      await this.audit.record(
        { actorId, projectId: project.id, type: 'invite.revoked', payload: { inviteId: id } },
        manager,
      );
      return { invite, project };
    });
  }

  /**
   * Uses an invite: grants its role (idempotent, a second acceptance by a member uses nothing).
   * Unknown, revoked, expired and used-up links each say so.
   */
  async accept(userId: string, token: string, now: Date): Promise<MembershipEntity> {
    const invite = await this.dataSource
      .getRepository(InviteEntity)
      .findOne({ where: { tokenHash: sha256Hex(token) }, relations: { project: true } });
    if (invite === null || invite.project === undefined) throw inviteNotFound();
    if (invite.revokedAt !== null) {
      throw communityError('INVITE_REVOKED', 'This invite link was revoked. Ask for a new one.');
    }
    if (invite.expiresAt !== null && invite.expiresAt.getTime() <= now.getTime()) {
      throw communityError('INVITE_EXPIRED', 'This invite link has expired. Ask for a new one.');
    }
    await this.access.requireNotBanned(invite.project, userId, 'translation.submit');
    return this.dataSource.transaction(async (manager) => {
      const where = {
        projectId: invite.projectId,
        userId,
        role: invite.role,
        locale: invite.locale,
      };
      const existing = await manager.findOne(MembershipEntity, {
        where,
        relations: { user: true },
      });
      if (existing !== null) return existing;
      // For an UPDATE TypeORM answers [rows, rowCount].
      const [used] = await manager.query<[{ id: string }[], number]>(
        `UPDATE invite SET uses = uses + 1
          WHERE id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
            AND (max_uses IS NULL OR uses < max_uses)
          RETURNING id`,
        [invite.id, now],
      );
      if (used.length === 0) {
        throw communityError(
          'INVITE_USED_UP',
          'This invite link has been used as often as it allows. Ask for a new one.',
        );
      }
      await manager.query(
        `INSERT INTO membership (project_id, user_id, role, locale) VALUES ($1, $2, $3, $4)
         ON CONFLICT (project_id, user_id, role, locale) DO NOTHING`,
        [invite.projectId, userId, invite.role, invite.locale],
      );
      await this.audit.record(
        {
          actorId: userId,
          projectId: invite.projectId,
          type: 'invite.accepted',
          payload: { inviteId: invite.id, userId, role: invite.role, locale: invite.locale },
        },
        manager,
      );
      return manager.findOneOrFail(MembershipEntity, { where, relations: { user: true } });
    });
  }

  /** language_manager needs a locale; a translator may name one; a developer never does. */
  private async inviteLocale(
    manager: EntityManager,
    project: ProjectEntity,
    role: Exclude<ProjectRole, 'owner'>,
    input: string | null,
  ): Promise<string> {
    if (input === null || input === '') {
      if (role === 'language_manager') {
        throw communityError(
          'INVALID_INVITE',
          'A language_manager invite needs the locale they will manage, e.g. locale: "de".',
        );
      }
      return '';
    }
    if (role === 'developer') {
      throw communityError(
        'INVALID_INVITE',
        'A developer invite spans the project: leave locale empty.',
      );
    }
    return requireTargetLocale(manager, project, input);
  }
}

function inviteNotFound() {
  return communityError(
    'INVITE_NOT_FOUND',
    'No such invite link. Check the link, or ask for a new one.',
  );
}
