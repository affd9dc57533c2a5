import { Client } from 'pg';
import { ADMIN_DATABASE_URL } from './test-env';

/** Drops the database global-setup.ts created (same process, so its environment is visible). */
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
}
