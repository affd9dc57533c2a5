import { Client } from 'pg';
import { runMigrations } from '../../src/database/run-migrations';
import { redisAnswers } from '../../src/launcher/redis-probe';
import { ADMIN_DATABASE_URL, TEST_REDIS_URL, databaseUrlFor } from './test-env';

/** Creates this run's database (chorus_test_<pid>) and migrates it once; global-teardown.ts drops it. */
export default async function globalSetup(): Promise<void> {
  const database = `chorus_test_${process.pid}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = databaseUrlFor(ADMIN_DATABASE_URL, database);
  await runMigrations(url, { log: () => undefined });
  process.env['CHORUS_TEST_DATABASE_URL'] = url;
  process.env['CHORUS_TEST_QUEUE_PREFIX'] = `chorus_test_${process.pid}`;
  if (process.env['CHORUS_TEST_QUEUE_BACKEND'] === undefined) {
    const redis = await redisAnswers(TEST_REDIS_URL);
    process.env['CHORUS_TEST_QUEUE_BACKEND'] = redis ? 'redis' : 'postgres';
    if (!redis)
      process.stdout.write(
        `\nNo Redis at ${TEST_REDIS_URL}: queue tests use BullMQ's Postgres backend.\n`,
      );
  }
}
