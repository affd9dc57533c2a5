import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { plainPrefix, type AppConfig } from '../config/env.schema';

/** What every process must forget: one session (sign-out) or every session of a user (ban, removal). */
export type SessionInvalidation =
  | { readonly kind: 'session'; readonly id: string }
  | { readonly kind: 'user'; readonly id: string };

function parse(raw: string | undefined): SessionInvalidation | null {
  if (raw === undefined) return null;
  try {
    const value = JSON.parse(raw) as Partial<SessionInvalidation>;
    if ((value.kind === 'session' || value.kind === 'user') && typeof value.id === 'string')
      return { kind: value.kind, id: value.id };
  } catch {
    // Not ours: ignore.
  }
  return null;
}

/**
 * Session invalidations between API processes, on the transport the app already runs on (as the
 * live events are): Redis pub/sub, or Postgres LISTEN/NOTIFY without Redis. `listen` resolves once
 * the subscription is active, so a cache filled after it cannot miss a later invalidation.
 */
export class SessionInvalidationBus {
  private readonly logger = new Logger('Sessions');
  private readonly channel: string;
  private publisher: Redis | Client | null = null;
  private publisherReady: Promise<void> | null = null;
  private subscriber: Redis | Client | null = null;
  private listening: Promise<void> | null = null;

  constructor(private readonly config: AppConfig) {
    this.channel = `${plainPrefix(config)}_session_invalidation`;
  }

  async publish(message: SessionInvalidation): Promise<void> {
    const payload = JSON.stringify(message);
    if (this.config.queue.backend === 'redis') {
      this.publisher ??= new Redis(this.config.queue.redisUrl, { maxRetriesPerRequest: null });
      await (this.publisher as Redis).publish(this.channel, payload);
      return;
    }
    if (this.publisherReady === null) {
      const client = new Client({ connectionString: this.config.databaseUrl });
      client.on('error', () => undefined);
      this.publisher = client;
      this.publisherReady = client.connect();
    }
    await this.publisherReady;
    await (this.publisher as Client).query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  /** Subscribes once; later calls return the same promise. */
  listen(handler: (message: SessionInvalidation) => void): Promise<void> {
    this.listening ??= this.subscribe(handler).catch((error: unknown) => {
      this.logger.error(`session invalidation subscribe failed: ${String(error)}`);
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private async subscribe(handler: (message: SessionInvalidation) => void): Promise<void> {
    if (this.config.queue.backend === 'redis') {
      const redis = new Redis(this.config.queue.redisUrl, { maxRetriesPerRequest: null });
      this.subscriber = redis;
      redis.on('message', (_channel: string, raw: string) => {
        const message = parse(raw);
        if (message !== null) handler(message);
      });
      await redis.subscribe(this.channel);
      return;
    }
    const client = new Client({ connectionString: this.config.databaseUrl });
    this.subscriber = client;
    client.on('error', () => undefined);
    client.on('notification', (n) => {
      const message = parse(n.payload);
      if (message !== null) handler(message);
    });
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
  }

  async close(): Promise<void> {
    for (const connection of [this.subscriber, this.publisher]) {
      if (connection instanceof Redis) connection.disconnect();
      else if (connection !== null) await connection.end().catch(() => undefined);
    }
    this.subscriber = null;
    this.publisher = null;
  }
}
