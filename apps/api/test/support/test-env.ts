/**
 * Where the integration tests find their services. `npm test` (scripts/test.mjs) sets these;
 * run directly, they default to the local Postgres and Redis this machine runs.
 */
export const ADMIN_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Set by global-setup: the throw-away database of this run. */
export function testDatabaseUrl(): string {
  const url = process.env['CHORUS_TEST_DATABASE_URL'];
  if (url === undefined)
    throw new Error('CHORUS_TEST_DATABASE_URL is not set: run through jest.int.config.js');
  return url;
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Whether the queue tests run on Redis (normal) or BullMQ's Postgres backend (no Redis here). */
export function testQueueBackend(): 'redis' | 'postgres' {
  return process.env['CHORUS_TEST_QUEUE_BACKEND'] === 'postgres' ? 'postgres' : 'redis';
}
