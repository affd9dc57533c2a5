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

// Found by the W1 benchmark: re-importing an unchanged translations file upserted, locked and
// probed every unit. Entries that are already their unit's current winner are now found by one
// read and neither locked nor written; only the entries that differ take the write path.
describe('re-importing translations that are already the winners', () => {
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

  it('writes and locks no row for an unchanged file, and only the changed unit otherwise', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    const slug = `noop-${process.pid}`;
    await owner.client.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { slug, name: 'No-op', sourceLocale: 'en' },
    });
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
    // xmax moves when a row is locked (FOR UPDATE) or updated; xmin when it is rewritten.
    const versions = async (): Promise<Record<string, string>> => {
      const rows = await db.query<{ unit_key: string; v: string }[]>(
        `SELECT s.unit_key, concat_ws('/', u.xmin, u.xmax, string_agg(t.xmin || ':' || t.xmax, ',')) AS v
         FROM translation_unit u JOIN source_string s ON s.id = u.string_id
         JOIN translation t ON t.unit_id = u.id GROUP BY s.unit_key, u.xmin, u.xmax`,
      );
      return Object.fromEntries(rows.map((r) => [r.unit_key, r.v]));
    };
    const rounds = async (): Promise<number> =>
      Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM round'))[0]?.n);

    await push('en', { a: 'A {{x}}', b: 'B', c: 'C' });
    expect(await push('pl', { a: 'A-pl {{x}}', b: 'B-pl', c: 'C-pl' })).toMatchObject({
      added: 3,
      imported: 3,
    });
    const before = await versions();

    expect(await push('pl', { a: 'A-pl {{x}}', b: 'B-pl', c: 'C-pl', d: 'D-pl' })).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 3,
      imported: 0,
      skipped: 1,
      warnings: [expect.objectContaining({ code: 'KEY_NOT_IN_SOURCE', key: 'd' })],
    });
    expect(await versions()).toEqual(before);
    expect(await rounds()).toBe(3);

    expect(await push('pl', { a: 'A-pl {{x}}', b: 'B2-pl', c: 'C-pl' })).toMatchObject({
      added: 1,
      changed: 1,
      unchanged: 2,
      imported: 1,
    });
    const after = await versions();
    expect(after['s:a']).toBe(before['s:a']);
    expect(after['s:c']).toBe(before['s:c']);
    expect(after['s:b']).not.toBe(before['s:b']);
    expect(await rounds()).toBe(4);

    // What differs from the database is still applied to an unchanged file: a winner a moderator
    // rejected since is no longer settled, so its entry takes the write path (and cannot win).
    await db.query(
      `UPDATE translation t SET status = 'rejected' FROM translation_unit u, source_string s
       WHERE t.id = u.winner_translation_id AND u.string_id = s.id AND s.unit_key = 's:c'`,
    );
    // Keys PostgreSQL cannot hold (a NUL, a lone surrogate) are no source string's.
    const file = { a: 'A-pl {{x}}', b: 'B2-pl', c: 'C-pl', 'x\u0000': 'X', '\ud800': 'Y' };
    expect(await push('pl', file)).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 2,
      imported: 0,
      skipped: 3,
      warnings: [
        expect.objectContaining({ code: 'KEY_NOT_IN_SOURCE', key: 'x\u0000' }),
        expect.objectContaining({ code: 'KEY_NOT_IN_SOURCE', key: '\ud800' }),
        expect.objectContaining({ code: 'CANDIDATE_NOT_ELIGIBLE', key: 'c' }),
      ],
    });
  });
});
