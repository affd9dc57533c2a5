import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { newSecretToken, sha256Hex } from '../common/auth/tokens';
import { preparedQuery } from '../database/prepared-query';
import type { Principal } from '../common/auth/request-context';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.sessionTtlHours * 3_600;
  }

  /** Creates a session and returns its plain token (shown once, to the cookie). */
  async open(userId: string, now: Date): Promise<string> {
    const token = newSecretToken();
    await this.sessions.insert({
      userId,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(now.getTime() + this.ttlSeconds * 1_000),
    });
    return token;
  }

  /** The principal for a cookie token, or null when unknown or expired (stale tokens are refused). */
  async resolve(token: string, now: Date): Promise<Principal | null> {
    // One prepared statement on every authenticated request (findOne with a relation costs two).
    const rows = await preparedQuery<{
      id: string;
      user_id: string;
      expires_at: Date;
      banned: boolean;
    }>(
      this.sessions.manager,
      `SELECT s.id, s.user_id, s.expires_at, u.banned_at IS NOT NULL AS banned
         FROM session s JOIN "user" u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [sha256Hex(token)],
    );
    const session = rows[0];
    if (session === undefined || session.expires_at.getTime() <= now.getTime()) return null;
    // A ban ends every open session at once, not only future sign-ins.
    if (session.banned) return null;
    return { userId: session.user_id, sessionId: session.id };
  }

  async close(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
