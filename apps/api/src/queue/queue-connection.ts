import { createPostgresBackend, Queue, setDefaultBackendFactory } from 'bullmq';
import { plainPrefix, type AppConfig } from '../config/env.schema';
import { MAINTENANCE_QUEUE } from './jobs';

export interface RedisQueueConnection {
  readonly url: string;
  readonly maxRetriesPerRequest: null;
  readonly enableReadyCheck: boolean;
}
export interface PostgresQueueConnection {
  readonly connectionString: string;
  readonly schema: string;
  readonly migrate: boolean;
}
export type QueueConnection = RedisQueueConnection | PostgresQueueConnection;

/** The BullMQ `connection` option for the configured backend. */
export function queueConnection(config: AppConfig): QueueConnection {
  if (config.queue.backend === 'redis') {
    return { url: config.queue.redisUrl, maxRetriesPerRequest: null, enableReadyCheck: true };
  }
  return {
    connectionString: config.queue.databaseUrl,
    schema: `${plainPrefix(config)}_queue`,
    migrate: true,
  };
}

/**
 * Must run before any Queue or Worker is built. With the Postgres backend it switches BullMQ's
 * process-wide default and waits for its migrations, so workers never start on missing tables.
 */
export async function prepareQueueBackend(config: AppConfig): Promise<void> {
  if (config.queue.backend === 'redis') return;
  setDefaultBackendFactory(createPostgresBackend);
  const probe = new Queue(MAINTENANCE_QUEUE, {
    connection: queueConnection(config),
    prefix: config.queuePrefix,
  });
  try {
    await probe.waitUntilReady();
  } finally {
    await probe.close();
  }
}
