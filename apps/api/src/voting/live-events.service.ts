import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { plainPrefix, type AppConfig } from '../config/env.schema';
import { LiveEventHub } from './live-event-hub';
import type { LiveEvent, LiveEvents } from './live-events';
import { PostgresLiveEvents, RedisLiveEvents } from './live-events.impl';
import type { EventOf, LiveTopic } from './live-topics';

/** Picks the transport once, from the queue backend: Redis pub/sub, or Postgres LISTEN/NOTIFY. */
@Injectable()
export class LiveEventsService implements LiveEvents, OnModuleDestroy {
  private readonly transport: LiveEvents;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const channel = `${plainPrefix(config)}_live_events`;
    const hub = new LiveEventHub({ spacingMs: config.liveStringSpacingMs });
    this.transport =
      config.queue.backend === 'redis'
        ? new RedisLiveEvents(config.queue.redisUrl, channel, hub)
        : new PostgresLiveEvents(config.databaseUrl, channel, hub);
  }

  publish(event: LiveEvent): Promise<void> {
    return this.transport.publish(event);
  }

  publishMany(events: readonly LiveEvent[]): Promise<void> {
    return this.transport.publishMany(events);
  }

  subscribe<T extends LiveTopic>(topic: T): AsyncIterableIterator<EventOf<T>> {
    return this.transport.subscribe(topic);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}
