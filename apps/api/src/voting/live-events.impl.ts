import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import type { LiveEvent, LiveEvents } from './live-events';

/** Turns emitter events into an async iterator with a bounded buffer (slow clients lose oldest). */
function iterate<E extends LiveEvent>(
  emitter: EventEmitter,
  filter: (event: LiveEvent) => event is E,
): AsyncIterableIterator<E> {
  const buffer: E[] = [];
  const waiting: ((r: IteratorResult<E>) => void)[] = [];
  let done = false;
  const listener = (event: LiveEvent) => {
    if (!filter(event)) return;
    const next = waiting.shift();
    if (next !== undefined) next({ value: event, done: false });
    else if (buffer.push(event) > 1_000) buffer.shift();
  };
  emitter.on('event', listener);
  const finish = (): Promise<IteratorResult<E>> => {
    done = true;
    emitter.off('event', listener);
    for (const w of waiting.splice(0)) w({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => {
      if (done) return Promise.resolve({ value: undefined, done: true });
      const value = buffer.shift();
      if (value !== undefined) return Promise.resolve({ value, done: false });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: (error: unknown) =>
      finish().then(() =>
        Promise.reject(error instanceof Error ? error : new Error(String(error))),
      ),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function parse(raw: string): LiveEvent | null {
  try {
    return JSON.parse(raw) as LiveEvent;
  } catch {
    return null;
  }
}

export class RedisLiveEvents implements LiveEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private readonly logger = new Logger('LiveEvents');

  constructor(
    private readonly url: string,
    private readonly channel: string,
  ) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: null });
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  subscribe<E extends LiveEvent>(
    filter: (event: LiveEvent) => event is E,
  ): AsyncIterableIterator<E> {
    if (this.subscriber === null) {
      const subscriber = new Redis(this.url, { maxRetriesPerRequest: null });
      subscriber.on('message', (_channel: string, raw: string) => {
        const event = parse(raw);
        if (event !== null) this.emitter.emit('event', event);
      });
      subscriber
        .subscribe(this.channel)
        .catch((error: unknown) => this.logger.error(`subscribe failed: ${String(error)}`));
      this.subscriber = subscriber;
    }
    return iterate(this.emitter, filter);
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.publisher.disconnect();
    return Promise.resolve();
  }
}

export class PostgresLiveEvents implements LiveEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private listener: Promise<Client> | null = null;
  private readonly publisher: Client;
  private publisherReady: Promise<void> | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
  ) {
    this.publisher = new Client({ connectionString: databaseUrl });
    this.publisher.on('error', () => undefined);
  }

  async publish(event: LiveEvent): Promise<void> {
    this.publisherReady ??= this.publisher.connect();
    await this.publisherReady;
    await this.publisher.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(event)]);
  }

  subscribe<E extends LiveEvent>(
    filter: (event: LiveEvent) => event is E,
  ): AsyncIterableIterator<E> {
    this.listener ??= (async () => {
      const client = new Client({ connectionString: this.databaseUrl });
      client.on('error', () => undefined);
      client.on('notification', (message) => {
        const event = message.payload === undefined ? null : parse(message.payload);
        if (event !== null) this.emitter.emit('event', event);
      });
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      return client;
    })();
    return iterate(this.emitter, filter);
  }

  async close(): Promise<void> {
    if (this.listener !== null) await (await this.listener).end().catch(() => undefined);
    if (this.publisherReady !== null) await this.publisher.end().catch(() => undefined);
  }
}
