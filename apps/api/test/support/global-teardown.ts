import { Client } from 'pg';
import { deleteRedisKeys } from './redis-keys';
import { ADMIN_DATABASE_URL, TEST_REDIS_URL, testQueueBackend } from './test-env';

/**
 * Drops the database global-setup.ts created (same process, so its environment is visible), and
 * deletes the run's Redis keys: its prefix, and the `<prefix>_<name>` ones of the launcher tests'
 * child processes.
 */
export default async function globalTeardown(): Promise<void> {
  const url = process.env['CHORUS_TEST_DATABASE_URL'];
  if (url === undefined) return;
  const database = new URL(url).pathname.slice(1);
  if (!/^chorus_test_\d+$/.test(database)) return;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const prefix = process.env['CHORUS_TEST_QUEUE_PREFIX'];
  if (testQueueBackend() === 'redis' && prefix !== undefined && /^chorus_test_\d+$/.test(prefix)) {
    await deleteRedisKeys(TEST_REDIS_URL, `${prefix}:*`);
    await deleteRedisKeys(TEST_REDIS_URL, `${prefix}_*:*`);
  }
}
