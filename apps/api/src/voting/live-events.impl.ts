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

/** A message carries one event, or an array of them (publishMany). */
function parse(raw: string): LiveEvent[] {
  try {
    const value = JSON.parse(raw) as LiveEvent | LiveEvent[];
    return Array.isArray(value) ? value : [value];
  } catch {
    return [];
  }
}

/** pg_notify payloads must stay under 8000 bytes: batches are sent as several arrays. */
const NOTIFY_PAYLOAD_MAX = 7_000;

function chunkPayloads(events: readonly LiveEvent[]): string[] {
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = 2;
  for (const event of events) {
    const json = JSON.stringify(event);
    if (chunk.length > 0 && size + json.length + 1 > NOTIFY_PAYLOAD_MAX) {
      payloads.push(`[${chunk.join(',')}]`);
      chunk = [];
      size = 2;
    }
    chunk.push(json);
    size += json.length + 1;
  }
  if (chunk.length > 0) payloads.push(`[${chunk.join(',')}]`);
  return payloads;
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
    // Publishes of concurrent requests in one event-loop turn leave as one write.
    this.publisher = new Redis(url, { maxRetriesPerRequest: null, enableAutoPipelining: true });
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  async publishMany(events: readonly LiveEvent[]): Promise<void> {
    if (events.length > 0) await this.publisher.publish(this.channel, JSON.stringify(events));
  }

  subscribe<E extends LiveEvent>(
    filter: (event: LiveEvent) => event is E,
  ): AsyncIterableIterator<E> {
    if (this.subscriber === null) {
      const subscriber = new Redis(this.url, { maxRetriesPerRequest: null });
      subscriber.on('message', (_channel: string, raw: string) => {
        for (const event of parse(raw)) this.emitter.emit('event', event);
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

  async publishMany(events: readonly LiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.publisherReady ??= this.publisher.connect();
    await this.publisherReady;
    await this.publisher.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [
      this.channel,
      chunkPayloads(events),
    ]);
  }

  subscribe<E extends LiveEvent>(
    filter: (event: LiveEvent) => event is E,
  ): AsyncIterableIterator<E> {
    this.listener ??= (async () => {
      const client = new Client({ connectionString: this.databaseUrl });
      client.on('error', () => undefined);
      client.on('notification', (message) => {
        if (message.payload === undefined) return;
        for (const event of parse(message.payload)) this.emitter.emit('event', event);
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
