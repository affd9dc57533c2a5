import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { rateLimited } from './rate-limit.errors';
import { RATE_LIMIT_RULES, type RateLimitName } from './rate-limit.rules';

/** The table the Postgres store uses (created by migration RateLimit1795623000000). */
export const RATE_LIMIT_TABLE = 'rate_limit';

const WHAT: Readonly<Record<RateLimitName, string>> = {
  signInFailsPerIp: 'failed sign-ins from this address',
  signInFailsPerAccount: 'failed sign-ins for this account',
  signInConsecutiveFails: 'failed sign-ins for this account from this address',
  signUpsPerIp: 'sign-ups from this address',
  tokenFailsPerIp: 'unknown API tokens from this address',
  tokenRequests: 'requests with this API token',
  votes: 'votes',
  voteFlips: 'vote changes on this candidate',
  reportsPerUser: 'reports from this account',
  reportsPerIp: 'reports from this address',
  joins: 'projects joined',
  glossaryWrites: 'glossary changes',
  comments: 'comments and questions',
  screenshots: 'screenshot uploads',
  claims: 'strings asked for',
  reads: 'public reads',
  submissions: 'translations submitted or withdrawn',
  projects: 'projects created',
  writes: 'changes',
};

/**
 * Counters shared by every API process: in Redis when the app runs on Redis, else in Postgres.
 * A store outage falls back to a per-process memory limiter (insurance), so the API keeps
 * answering and keeps some throttling. Stores are opened on first use: the worker never does.
 * A rule marked `store: 'process'` is counted in this process's memory only (see RateLimitRule).
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly limiters = new Map<RateLimitName, RateLimiterAbstract>();
  private redis: Redis | null = null;
  private pool: Pool | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Counts one hit; throws RATE_LIMITED (with retryAfter) when the key is over its limit. */
  async consume(name: RateLimitName, key: string, points = 1): Promise<void> {
    try {
      await this.limiter(name).consume(key, points);
    } catch (error) {
      throw this.translate(name, error);
    }
  }

  /** Throws RATE_LIMITED when the key is already over its limit; counts nothing. */
  async assertOpen(name: RateLimitName, key: string): Promise<void> {
    const limiter = this.limiter(name);
    const state = await limiter.get(key);
    if (state !== null && state.consumedPoints >= limiter.points) {
      throw rateLimited(state.msBeforeNext / 1_000, WHAT[name]);
    }
  }

  /** Records one failure without refusing this request (it has failed already). */
  async recordFailure(name: RateLimitName, key: string): Promise<void> {
    await this.limiter(name)
      .consume(key)
      .catch((error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      });
  }

  async reset(name: RateLimitName, key: string): Promise<void> {
    await this.limiter(name).delete(key);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
    await this.pool?.end().catch(() => undefined);
  }

  private translate(name: RateLimitName, error: unknown): unknown {
    return error instanceof RateLimiterRes
      ? rateLimited(error.msBeforeNext / 1_000, WHAT[name])
      : error;
  }

  private limiter(name: RateLimitName): RateLimiterAbstract {
    const existing = this.limiters.get(name);
    if (existing !== undefined) return existing;
    const rule = RATE_LIMIT_RULES[name];
    const options = {
      keyPrefix: `rl_${name}`,
      points: this.config.rateLimits[name],
      duration: rule.windowSeconds,
      blockDuration: rule.blockSeconds,
    };
    const insuranceLimiter = new RateLimiterMemory(options);
    const limiter =
      rule.store === 'process'
        ? insuranceLimiter
        : this.sharedLimiter(name, options, insuranceLimiter);
    this.limiters.set(name, limiter);
    return limiter;
  }

  /** A limiter on the shared store, with the memory one as insurance for store outages. */
  private sharedLimiter(
    name: RateLimitName,
    options: { keyPrefix: string; points: number; duration: number; blockDuration: number },
    insuranceLimiter: RateLimiterMemory,
  ): RateLimiterAbstract {
    if (this.config.queue.backend === 'redis') {
      return new RateLimiterRedis({
        ...options,
        // Same key prefix as the queues, so test runs and tenants sharing a Redis stay apart.
        keyPrefix: `${this.config.queuePrefix}:rl:${name}`,
        storeClient: this.redisClient(this.config.queue.redisUrl),
        insuranceLimiter,
      });
    }
    return new RateLimiterPostgres({
      ...options,
      storeClient: this.pgPool(),
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      insuranceLimiter,
    });
  }

  private redisClient(url: string): Redis {
    // A limiter call must never wait for a reconnect: fail fast and let the insurance answer.
    // Auto-pipelining sends the counters of every request in one event-loop turn as one write.
    this.redis ??= new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      enableAutoPipelining: true,
    });
    return this.redis;
  }

  private pgPool(): Pool {
    // Its own small pool: throttling never waits for, or starves, the app's connections.
    this.pool ??= new Pool({
      connectionString: this.config.databaseUrl,
      max: 3,
      connectionTimeoutMillis: 2_000,
    });
    return this.pool;
  }
}
