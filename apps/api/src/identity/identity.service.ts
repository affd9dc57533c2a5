import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { identityError } from './identity.errors';
import { weakPasswordReason } from './password-policy';
import { SessionService } from './session.service';
import { UserEntity } from './user.entity';

export interface SignedIn {
  readonly user: UserEntity;
  readonly token: string;
}

/** A hash of a random password: verifying against it costs the same as a real user, so
 * response time does not reveal whether an email is registered. */
let dummyHash: Promise<string> | undefined;

@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async signUp(email: string, password: string, displayName: string, now: Date): Promise<SignedIn> {
    const normalized = email.trim().toLowerCase();
    const weak = weakPasswordReason(password, normalized);
    if (weak !== null) {
      throw identityError('WEAK_PASSWORD', weak.message, { reason: weak.reason });
    }
    const passwordHash = await hashPassword(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(UserEntity, { where: { email: normalized } });
      if (existing !== null) {
        throw identityError(
          'EMAIL_TAKEN',
          `An account for ${normalized} already exists. Sign in instead.`,
        );
      }
      const created = manager.create(UserEntity, {
        email: normalized,
        displayName: displayName.trim(),
        passwordHash,
      });
      await manager.save(created);
      await this.audit.record(
        { actorId: created.id, type: 'user.signed_up', payload: {} },
        manager,
      );
      return created;
    });
    return { user, token: await this.sessions.open(user.id, now) };
  }

  async signIn(email: string, password: string, now: Date): Promise<SignedIn> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    if (user === null) {
      dummyHash ??= hashPassword('chorus-timing-equaliser');
      await verifyPassword(await dummyHash, password);
      throw identityError('INVALID_CREDENTIALS', 'Email or password is wrong.');
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw identityError('INVALID_CREDENTIALS', 'Email or password is wrong.');
    }
    if (user.bannedAt !== null) {
      throw identityError(
        'ACCOUNT_BANNED',
        'This account is banned and cannot sign in. Contact the site administrators if you think this is a mistake.',
      );
    }
    await this.audit.record({ actorId: user.id, type: 'user.signed_in' });
    return { user, token: await this.sessions.open(user.id, now) };
  }

  async signOut(userId: string, sessionId: string): Promise<void> {
    await this.sessions.close(sessionId);
    await this.audit.record({ actorId: userId, type: 'user.signed_out' });
  }

  async findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /** Creates the account if missing (demo seed); never changes an existing one. */
  async ensureUser(email: string, password: string, displayName: string): Promise<UserEntity> {
    const normalized = email.toLowerCase();
    const existing = await this.users.findOne({ where: { email: normalized } });
    if (existing !== null) return existing;
    const user = this.users.create({
      email: normalized,
      displayName,
      passwordHash: await hashPassword(password),
    });
    return this.users.save(user);
  }
}
