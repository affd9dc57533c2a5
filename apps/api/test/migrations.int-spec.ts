import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { runMigrations } from '../src/database/run-migrations';
import { ADMIN_DATABASE_URL, databaseUrlFor } from './support/test-env';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return result.rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  const database = `chorus_migrations_${process.pid}`;
  const url = databaseUrlFor(ADMIN_DATABASE_URL, database);
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('runs on an empty database, concurrently from two processes without racing, and is a no-op after', async () => {
    const [first, second] = await Promise.all([
      runMigrations(url, { log: () => undefined }),
      runMigrations(url, { log: () => undefined }),
    ]);
    expect([...first, ...second].sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    expect(await runMigrations(url, { log: () => undefined })).toEqual([]);
    expect(await tables(url)).toEqual([
      'abuse_flag',
      'api_token',
      'bundle',
      'bundle_request',
      'bundle_set',
      'bundle_version',
      'collusion_pair',
      'discussion_comment',
      'discussion_thread',
      'event',
      'glossary_term',
      'import_upload',
      'invite',
      'locale',
      'locale_goal',
      'membership',
      'moderation_report',
      'namespace',
      'notification',
      'project',
      'project_ban',
      'rate_limit',
      'reputation_ledger',
      'round',
      'screenshot',
      'screenshot_region',
      'session',
      'source_string',
      'string_lease',
      'translation',
      'translation_unit',
      'typeorm_migrations',
      'user',
      'vote',
      'vote_evaluation',
      'voter_reputation_total',
      'webhook',
    ]);
  });

  it('reverts every migration down to an empty schema', async () => {
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i += 1)
        await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await tables(url)).toEqual(['typeorm_migrations']);
  });

  it('matches the entities: generating a migration now finds nothing to change', async () => {
    await runMigrations(url, { log: () => undefined });
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
