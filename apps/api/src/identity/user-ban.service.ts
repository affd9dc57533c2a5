import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { commonError } from '../common/errors/common.errors';
import { identityError } from './identity.errors';
import { InstanceAdminService } from './instance-admin.service';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

const MAX_REASON = 500;

/**
 * Server-wide bans by an instance administrator. A ban signs the account out everywhere at once:
 * its sessions are deleted and every process's session cache forgets them (SessionService), its API
 * tokens stop working (ApiTokenService checks the creator), and its votes and candidates stop
 * counting at the next decision (DOMAIN C1).
 */
@Injectable()
export class UserBanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly admins: InstanceAdminService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async ban(adminId: string, email: string, reason: string, now: Date): Promise<UserEntity> {
    await this.admins.require(adminId, 'Banning an account');
    const why = reason.trim();
    if (why.length === 0 || why.length > MAX_REASON) {
      throw commonError('BAD_USER_INPUT', `Give a reason of 1 to ${MAX_REASON} characters.`);
    }
    const user = await this.target(email);
    if (user.id === adminId) throw commonError('BAD_USER_INPUT', 'You cannot ban yourself.');
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE "user" SET banned_at = COALESCE(banned_at, $2) WHERE id = $1', [
        user.id,
        now,
      ]);
      await manager.query('DELETE FROM session WHERE user_id = $1', [user.id]);
      await this.audit.record(
        { actorId: adminId, type: 'user.banned', payload: { userId: user.id, reason: why } },
        manager,
      );
    });
    await this.sessions.invalidateUser(user.id);
    return { ...user, bannedAt: user.bannedAt ?? now };
  }

  async unban(adminId: string, email: string): Promise<UserEntity> {
    await this.admins.require(adminId, 'Lifting a ban');
    const user = await this.target(email);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE "user" SET banned_at = NULL WHERE id = $1', [user.id]);
      await this.audit.record(
        { actorId: adminId, type: 'user.unbanned', payload: { userId: user.id } },
        manager,
      );
    });
    return { ...user, bannedAt: null };
  }

  private async target(email: string): Promise<UserEntity> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { email: email.trim().toLowerCase() } });
    if (user === null) throw identityError('USER_NOT_FOUND', `No account has the email ${email}.`);
    return user;
  }
}
