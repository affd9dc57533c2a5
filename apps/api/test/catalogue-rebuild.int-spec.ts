import { DataSource } from 'typeorm';
import { pushCatalogue } from './support/catalogue-http';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  testConfig,
  type RunningApi,
} from './support/test-app';

// Found by the W1 benchmark: an unchanged re-import asked the worker to rebuild every bundle of the
// project. Imports now request a rebuild when they changed what a bundle shows (source files that
// wrote a row, or translations that decided units), as votes do only when they decide.
describe('catalogue imports and bundle rebuild requests', () => {
  let api: RunningApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi(testConfig({ IMPORT_ASYNC_UNITS: '1000' }));
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('requests a rebuild for changed source files and deciding imports, not for unchanged re-imports', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    const slug = `rebuild-${process.pid}`;
    const { createProject } = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
      { i: { slug, name: 'Rebuild', sourceLocale: 'en' } },
    );
    const request = async () => {
      const rows = await db.query<
        { requested_seq: string; all_seq: string; locale_seqs: Record<string, number> }[]
      >('SELECT requested_seq, all_seq, locale_seqs FROM bundle_request WHERE project_id = $1', [
        createProject.id,
      ]);
      const row = rows[0];
      return {
        seq: Number(row?.requested_seq ?? 0),
        all: Number(row?.all_seq ?? 0),
        locales: row?.locale_seqs ?? {},
      };
    };
    const requested = async (): Promise<number> => (await request()).seq;
    const push = async (locale: string, file: Record<string, string>) => {
      const res = await pushCatalogue(
        api.baseUrl,
        `/api/projects/${slug}/catalogues/translation?locale=${locale}`,
        JSON.stringify(file),
        { cookie: owner.client.rawCookie },
      );
      expect(res.status).toBe(200);
      return res.body;
    };

    await push('en', { a: 'A', b: 'B' });
    // A source file may change every locale's bundles; a translations file only its own.
    expect(await request()).toEqual({ seq: 1, all: 1, locales: {} });
    expect(await push('pl', { a: 'A-pl', b: 'B-pl' })).toMatchObject({ imported: 2 });
    expect(await request()).toEqual({ seq: 2, all: 1, locales: { pl: 2 } });

    expect(await push('pl', { a: 'A-pl', b: 'B-pl' })).toMatchObject({
      imported: 0,
      unchanged: 2,
    });
    expect(await requested()).toBe(2);

    expect(await push('pl', { a: 'A-pl', b: 'B2-pl' })).toMatchObject({ imported: 1 });
    expect(await requested()).toBe(3);

    expect(await push('en', { a: 'A', b: 'B' })).toMatchObject({ added: 0, unchanged: 2 });
    expect(await requested()).toBe(3);

    // Any written row counts, even a new position only: the writer reports writes, not meaning.
    expect(await push('en', { b: 'B', a: 'A' })).toMatchObject({ changed: 0, unchanged: 2 });
    expect(await requested()).toBe(4);
    expect(await push('en', { b: 'B', a: 'A2' })).toMatchObject({ changed: 1 });
    expect(await requested()).toBe(5);
  });
});
