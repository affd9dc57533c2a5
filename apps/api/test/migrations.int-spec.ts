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

  it('keys the glossary terms written before match_key existed (its backfill)', async () => {
    await runMigrations(url, { log: () => undefined });
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    try {
      const at = MIGRATIONS.findIndex((m) => m.name === 'GlossaryTermMatchKey1795643000000');
      for (let i = MIGRATIONS.length; i > at; i -= 1)
        await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.query(
        `WITH p AS (INSERT INTO project (slug, name, source_locale) VALUES ('keys', 'Keys', 'en') RETURNING id),
              n AS (INSERT INTO namespace (project_id, name) SELECT id, '$glossary' FROM p RETURNING id, project_id),
              s AS (INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
                    SELECT n.project_id, n.id, 's:' || t, t, 'simple', jsonb_build_array(t), jsonb_build_object('', t), t, md5(t), 0
                      FROM n, unnest(ARRAY['  Workspace', '.NET', 'ŁÓDŹ']) AS t RETURNING id, project_id, key)
         INSERT INTO glossary_term (project_id, string_id, term) SELECT project_id, id, key FROM s`,
      );
      await dataSource.runMigrations({ transaction: 'each' });
      const rows = await dataSource.query<{ term: string; match_key: string | null }[]>(
        'SELECT term, match_key FROM glossary_term ORDER BY term',
      );
      expect(rows).toEqual([
        { term: '  Workspace', match_key: 'wor' },
        { term: '.NET', match_key: null },
        { term: 'ŁÓDŹ', match_key: 'łód' },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});
