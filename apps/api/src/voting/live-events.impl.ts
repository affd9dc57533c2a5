import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { LiveEventHub } from './live-event-hub';
import type { LiveEvent, LiveEvents } from './live-events';
import type { EventOf, LiveTopic } from './live-topics';

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
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private readonly logger = new Logger('LiveEvents');

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly hub = new LiveEventHub(),
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

  subscribe<T extends LiveTopic>(topic: T): AsyncIterableIterator<EventOf<T>> {
    if (this.subscriber === null) {
      const subscriber = new Redis(this.url, { maxRetriesPerRequest: null });
      subscriber.on('message', (_channel: string, raw: string) => {
        for (const event of parse(raw)) this.hub.deliver(event);
      });
      subscriber
        .subscribe(this.channel)
        .catch((error: unknown) => this.logger.error(`subscribe failed: ${String(error)}`));
      this.subscriber = subscriber;
    }
    return this.hub.subscribe(topic);
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.publisher.disconnect();
    return Promise.resolve();
  }
}

export class PostgresLiveEvents implements LiveEvents {
  private listener: Promise<Client> | null = null;
  private readonly publisher: Client;
  private publisherReady: Promise<void> | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly hub = new LiveEventHub(),
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

  subscribe<T extends LiveTopic>(topic: T): AsyncIterableIterator<EventOf<T>> {
    this.listener ??= (async () => {
      const client = new Client({ connectionString: this.databaseUrl });
      client.on('error', () => undefined);
      client.on('notification', (message) => {
        if (message.payload === undefined) return;
        for (const event of parse(message.payload)) this.hub.deliver(event);
      });
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      return client;
    })();
    return this.hub.subscribe(topic);
  }

  async close(): Promise<void> {
    if (this.listener !== null) await (await this.listener).end().catch(() => undefined);
    if (this.publisherReady !== null) await this.publisher.end().catch(() => undefined);
  }
}
