import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { plainPrefix, type AppConfig } from '../config/env.schema';
import type { LiveEvent, LiveEvents } from '../voting/live-events';
import { PostgresLiveEvents, RedisLiveEvents } from '../voting/live-events.impl';
import type { EventOf, LiveTopic } from '../voting/live-topics';

/**
 * The notifications' live channel: the same transports as the voting events (Redis pub/sub, or
 * Postgres LISTEN/NOTIFY), on a channel of its own so this module does not depend on voting
 * (voting depends on it, to announce won and lost candidates).
 */
@Injectable()
export class NotificationLiveEvents implements OnModuleDestroy {
  private readonly transport: LiveEvents;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const channel = `${plainPrefix(config)}_notifications`;
    this.transport =
      config.queue.backend === 'redis'
        ? new RedisLiveEvents(config.queue.redisUrl, channel)
        : new PostgresLiveEvents(config.databaseUrl, channel);
  }

  publishMany(events: readonly LiveEvent[]): Promise<void> {
    return this.transport.publishMany(events);
  }

  subscribe<T extends LiveTopic>(topic: T): AsyncIterableIterator<EventOf<T>> {
    return this.transport.subscribe(topic);
  }

  onModuleDestroy(): Promise<void> {
    return this.transport.close();
  }
}
