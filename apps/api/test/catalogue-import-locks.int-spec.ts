import { DataSource, type QueryRunner } from 'typeorm';
import { pushCatalogue, type HttpResult } from './support/catalogue-http';
import { signedInClient, type TestClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  testConfig,
  type RunningApi,
} from './support/test-app';

// Imports run IMPORT_CONCURRENCY at a time in a worker: translations files of different locales
// side by side (they write disjoint units), a source file with its namespace to itself, two files
// of one locale one after the other. Each case holds the locks of an import in progress by hand
// and watches pg_stat_activity for the import waiting on them: no clock is involved.
describe('catalogue imports side by side', () => {
  let api: RunningApi;
  let db: DataSource;
  let owner: TestClient;
  const slug = `locks-${process.pid}`;

  beforeAll(async () => {
    api = await startApi(testConfig());
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    await owner.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { slug, name: 'Locks', sourceLocale: 'en' },
    });
    expect((await push('en', { a: 'A', b: 'B' })).status).toBe(200);
    expect((await push('de', { a: 'A-de' })).status).toBe(200);
    expect((await push('fr', { a: 'A-fr' })).status).toBe(200);
  });

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  function push(locale: string, file: Record<string, string>): Promise<HttpResult> {
    const query = locale === 'en' ? '' : `?locale=${locale}`;
    return pushCatalogue(
      api.baseUrl,
      `/api/projects/${slug}/catalogues/app${query}`,
      JSON.stringify(file),
      { cookie: owner.rawCookie },
    );
  }

  /** A transaction holding what an import of `locale` in progress holds. */
  async function importInProgress(locale: string): Promise<QueryRunner> {
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    await runner.query(
      `SELECT n.id FROM namespace n JOIN project p ON p.id = n.project_id
       WHERE p.slug = $1 AND n.name = 'app' FOR SHARE OF n`,
      [slug],
    );
    await runner.query(
      `SELECT l.id FROM locale l JOIN project p ON p.id = l.project_id
       WHERE p.slug = $1 AND l.code = $2 FOR NO KEY UPDATE OF l`,
      [slug, locale],
    );
    return runner;
  }

  /** Resolves once some other session of this database waits for a lock. */
  async function someoneWaitsForALock(): Promise<void> {
    for (let polls = 0; polls < 2_000; polls += 1) {
      const [row] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      if ((row?.n ?? 0) > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('no session ever waited for a lock');
  }

  it('imports another locale while one is in progress', async () => {
    const holding = await importInProgress('de');
    try {
      const fr = await push('fr', { a: 'A-fr', b: 'B-fr' });
      expect(fr.status).toBe(200);
      expect(fr.body).toMatchObject({ kind: 'translations', added: 1, unchanged: 1 });
      // A volunteer's first suggestion for a string in the locale being imported creates its unit:
      // the foreign-key check on the locale row is not held up by the import (lock_timeout turns
      // a wait into an error instead of a hang).
      await db.transaction(async (manager) => {
        await manager.query("SET LOCAL lock_timeout = '10s'");
        const created = await manager.query<{ id: string }[]>(
          `INSERT INTO translation_unit (project_id, string_id, locale_id)
           SELECT s.project_id, s.id, l.id FROM source_string s
             JOIN locale l ON l.project_id = s.project_id AND l.code = 'de'
             JOIN project p ON p.id = s.project_id
           WHERE p.slug = $1 AND s.unit_key = 's:b'
           ON CONFLICT DO NOTHING RETURNING id`,
          [slug],
        );
        expect(created).toHaveLength(1);
        await manager.query('DELETE FROM translation_unit WHERE id = $1', [created[0]?.id]);
      });
    } finally {
      await holding.rollbackTransaction();
      await holding.release();
    }
  });

  it('makes a second file of the same locale, and a source file, wait for the import in progress', async () => {
    const holding = await importInProgress('de');
    let answered = false;
    const sameLocale = push('de', { a: 'A-de', b: 'B-de' }).then((r) => {
      answered = true;
      return r;
    });
    await someoneWaitsForALock();
    expect(answered).toBe(false);
    await holding.commitTransaction();
    await holding.release();
    expect((await sameLocale).body).toMatchObject({ added: 1, unchanged: 1 });

    const again = await importInProgress('fr');
    const source = push('en', { a: 'A', b: 'B', c: 'C' });
    await someoneWaitsForALock();
    await again.commitTransaction();
    await again.release();
    expect((await source).body).toMatchObject({ kind: 'source', added: 1, unchanged: 2 });
  });

  it('adds a new locale that a concurrent import is adding too', async () => {
    // A concurrent import has inserted the locale and not committed yet: this one waits for it,
    // then takes the committed row instead of failing with LOCALE_EXISTS.
    const racing = db.createQueryRunner();
    await racing.startTransaction();
    await racing.query(
      `INSERT INTO locale (project_id, code) SELECT id, 'it' FROM project WHERE slug = $1`,
      [slug],
    );
    const italian = push('it', { a: 'A-it' });
    await someoneWaitsForALock();
    await racing.commitTransaction();
    await racing.release();
    const answer = await italian;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ kind: 'translations', added: 1 });
  });
});
