import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { newSecretToken, sha256Hex } from '../common/auth/tokens';
import { AuditService } from '../audit/audit.service';
import { AccessService } from './access.service';
import type { ApiTokenEntity, ApiTokenScope } from './api-token.entity';
import { ApiTokenEntity as ApiTokenRow } from './api-token.entity';
import { identityError } from './identity.errors';
import { PERMISSIONS } from './permissions';
import { preparedQuery } from '../database/prepared-query';

/** Tokens start with a recognisable prefix so secret scanners (and people) can spot them. */
export const API_TOKEN_PREFIX = 'chorus_';

/** Roles whose holders may create tokens; a token works only while its creator holds one. */
const TOKEN_CREATOR_ROLES: readonly string[] = PERMISSIONS['token.manage'].roles;

export interface TokenPrincipal {
  readonly tokenId: string;
  readonly projectId: string;
  readonly scopes: readonly ApiTokenScope[];
}

export interface CreatedToken {
  readonly token: ApiTokenEntity;
  /** The secret, returned exactly once. */
  readonly secret: string;
}

/** Project API tokens for CI (`chorus push` / `chorus pull`): random, shown once, stored as SHA-256. */
@Injectable()
export class ApiTokenService {
  constructor(
    @InjectRepository(ApiTokenRow) private readonly tokens: Repository<ApiTokenEntity>,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly dataSource: DataSource,
  ) {}

  /** `createApiToken`: checks 'token.manage' in the project named by slug. */
  async createForProject(
    userId: string,
    slug: string,
    name: string,
    scopes: readonly ApiTokenScope[],
  ): Promise<CreatedToken> {
    const project = await this.access.requireProject(userId, slug, 'token.manage');
    return this.create(project.id, name, scopes, userId);
  }

  async listForProject(userId: string, slug: string): Promise<ApiTokenEntity[]> {
    const project = await this.access.requireProject(userId, slug, 'token.manage');
    return this.list(project.id);
  }

  /** Revokes one live token; TOKEN_NOT_FOUND when it is unknown, of another project or revoked. */
  async revokeForProject(
    userId: string,
    slug: string,
    tokenId: string,
    now: Date,
  ): Promise<ApiTokenEntity> {
    const project = await this.access.requireProject(userId, slug, 'token.manage');
    if (!(await this.revoke(project.id, tokenId, userId, now))) {
      throw identityError(
        'TOKEN_NOT_FOUND',
        `No live API token ${tokenId} in project "${slug}"; it may be revoked already.`,
      );
    }
    return this.tokens.findOneOrFail({ where: { id: tokenId } });
  }

  async create(
    projectId: string,
    name: string,
    scopes: readonly ApiTokenScope[],
    createdBy: string,
  ): Promise<CreatedToken> {
    const secret = newSecretToken(API_TOKEN_PREFIX);
    const token = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ApiTokenRow, {
          projectId,
          name,
          scopes: [...new Set(scopes)].sort(),
          tokenHash: sha256Hex(secret),
          createdBy,
        }),
      );
      await this.audit.record(
        {
          actorId: createdBy,
          projectId,
          type: 'token.created',
          payload: { tokenId: saved.id, name, scopes: saved.scopes },
        },
        manager,
      );
      return saved;
    });
    return { token, secret };
  }

  async list(projectId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.find({ where: { projectId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Revokes a token of this project; returns false when there is no such live token. */
  async revoke(projectId: string, tokenId: string, actorId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        ApiTokenRow,
        { id: tokenId, projectId, revokedAt: IsNull() },
        { revokedAt: now },
      );
      if ((result.affected ?? 0) === 0) return false;
      await this.audit.record(
        { actorId, projectId, type: 'token.revoked', payload: { tokenId } },
        manager,
      );
      return true;
    });
  }

  /** The user a token acts for (its creator), for authorship of what the token imports. */
  async creatorOf(tokenId: string): Promise<string | null> {
    const token = await this.tokens.findOne({
      where: { id: tokenId },
      select: { createdBy: true },
    });
    return token?.createdBy ?? null;
  }

  /**
   * The principal for a bearer secret, or null if unknown or revoked, or when its creator may no
   * longer manage tokens of the project (banned, removed, or demoted): a token acts for the person
   * who made it and must not outlive their standing. Records the last use.
   */
  async authenticate(secret: string, now: Date): Promise<TokenPrincipal | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    const rows = await preparedQuery<{
      id: string;
      project_id: string;
      scopes: ApiTokenScope[];
      last_used_at: Date | null;
      creator_ok: boolean;
    }>(
      this.dataSource,
      `SELECT t.id, t.project_id, t.scopes, t.last_used_at,
              (u.id IS NOT NULL AND u.banned_at IS NULL AND EXISTS (
                 SELECT 1 FROM membership m
                  WHERE m.project_id = t.project_id AND m.user_id = t.created_by
                    AND m.role = ANY($2::text[]))) AS creator_ok
         FROM api_token t LEFT JOIN "user" u ON u.id = t.created_by
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [sha256Hex(secret), TOKEN_CREATOR_ROLES],
    );
    const token = rows[0];
    if (token === undefined || !token.creator_ok) return null;
    // At most one write a minute per token: last-used is for humans, not an audit trail.
    if (token.last_used_at === null || now.getTime() - token.last_used_at.getTime() > 60_000) {
      await this.tokens.update({ id: token.id }, { lastUsedAt: now });
    }
    return { tokenId: token.id, projectId: token.project_id, scopes: token.scopes };
  }
}
