import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { newSecretToken, sha256Hex } from '../common/auth/tokens';
import { preparedQuery } from '../database/prepared-query';
import type { Principal } from '../common/auth/request-context';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { SessionEntity } from './session.entity';
import { SessionInvalidationBus, type SessionInvalidation } from './session-invalidation';

/**
 * How long a resolved session is trusted without a database read. Sign-out, ban and removal
 * invalidate at once in every process (SessionInvalidationBus); this bound only covers a lost
 * invalidation message (a transport outage), so it is short.
 */
export const SESSION_CACHE_MS = 5_000;
/** Entries kept at most (oldest dropped first): a few MB at worst, whatever the traffic. */
const SESSION_CACHE_MAX = 20_000;

interface Cached {
  readonly principal: Principal;
  /** The session's own expiry (epoch ms). */
  readonly expiresAt: number;
  /** When this entry must be read again (epoch ms). */
  readonly until: number;
}

@Injectable()
export class SessionService implements OnModuleDestroy {
  /** Principals of valid sessions by token hash; unknown and refused tokens are never cached. */
  private readonly cache = new Map<string, Cached>();
  /** Bumped by every invalidation: a read that started before one must not fill the cache. */
  private generation = 0;
  private listening = false;
  private readonly bus: SessionInvalidationBus;
  /** Invalidations this process applied (its own and other processes'); tests wait on it. */
  applied = 0;

  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.bus = new SessionInvalidationBus(config);
  }

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

  /**
   * The principal for a cookie token, or null when unknown, expired or banned (stale tokens are
   * refused). Called on every HTTP request and every WebSocket operation: a valid session is served
   * from a short in-process cache that sign-out, ban and removal clear in every process.
   */
  async resolve(token: string, now: Date): Promise<Principal | null> {
    const hash = sha256Hex(token);
    const at = now.getTime();
    const hit = this.cache.get(hash);
    if (hit !== undefined) {
      if (hit.until > at && hit.expiresAt > at) return hit.principal;
      this.cache.delete(hash);
    }
    const cacheable = this.subscribed();
    const generation = this.generation;
    // One prepared statement (findOne with a relation costs two).
    const rows = await preparedQuery<{
      id: string;
      user_id: string;
      expires_at: Date;
      banned: boolean;
    }>(
      this.sessions.manager,
      `SELECT s.id, s.user_id, s.expires_at, u.banned_at IS NOT NULL AS banned
         FROM session s JOIN "user" u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [hash],
    );
    const session = rows[0];
    if (session === undefined || session.expires_at.getTime() <= at) return null;
    // A ban ends every open session at once, not only future sign-ins.
    if (session.banned) return null;
    const principal: Principal = { userId: session.user_id, sessionId: session.id };
    if (cacheable && generation === this.generation) {
      if (this.cache.size >= SESSION_CACHE_MAX) {
        const oldest = this.cache.keys().next();
        if (oldest.done !== true) this.cache.delete(oldest.value);
      }
      this.cache.set(hash, {
        principal,
        expiresAt: session.expires_at.getTime(),
        until: at + SESSION_CACHE_MS,
      });
    }
    return principal;
  }

  /** Signs one session out (its row is gone, and every process forgets it). */
  async close(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
    await this.invalidateSession(sessionId);
  }

  /** Every process forgets this session; call after the change that ended it is committed. */
  async invalidateSession(sessionId: string): Promise<void> {
    await this.invalidate({ kind: 'session', id: sessionId });
  }

  /**
   * Every process forgets this user's sessions, so the next request reads them again: call after
   * a ban or a removal from a project is committed.
   */
  async invalidateUser(userId: string): Promise<void> {
    await this.invalidate({ kind: 'user', id: userId });
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.bus.close();
  }

  private async invalidate(message: SessionInvalidation): Promise<void> {
    this.apply(message);
    await this.bus.publish(message);
  }

  private apply(message: SessionInvalidation): void {
    this.generation += 1;
    for (const [hash, entry] of this.cache) {
      const id = message.kind === 'session' ? entry.principal.sessionId : entry.principal.userId;
      if (id === message.id) this.cache.delete(hash);
    }
    this.applied += 1;
  }

  /** Starts listening on first use (a worker never does); caches only once the subscription is live. */
  private subscribed(): boolean {
    if (!this.listening) {
      this.bus
        .listen((message) => this.apply(message))
        .then(
          () => {
            this.listening = true;
          },
          () => undefined,
        );
    }
    return this.listening;
  }
}
