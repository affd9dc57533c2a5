import { buildSourceUnits, parseI18nextJson } from '@chorus/translation-core';
import { DataSource } from 'typeorm';
import { COMPARE_SOURCE_SQL, compareSourceParams } from '../src/catalogue/source-import.writer';
import { COMPARE_WITH_STORED_SQL, compareParams } from '../src/catalogue/translation-import.state';
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
describe('re-importing unchanged catalogues', () => {
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

  /** As on a new server: no ANALYZE has seen these tables yet (autovacuum's comes later). */
  const forgetStatistics = async (): Promise<void> => {
    await db.query(
      `DELETE FROM pg_statistic WHERE starelid IN ('source_string'::regclass, 'translation_unit'::regclass)`,
    );
    await db.query(
      `UPDATE pg_class SET reltuples = -1, relpages = 0
       WHERE oid IN ('source_string'::regclass, 'translation_unit'::regclass)`,
    );
  };

  /**
   * The statement's executed plan. On such estimates the planner's pick between a hash join
   * (harmless) and a nested loop that rescans the namespace per entry (what the W1 benchmark got)
   * is a toss-up; with hash and merge joins off only nested loops remain, and a comparison must
   * still probe entry by entry.
   */
  const planOf = async (sql: string, params: unknown[]): Promise<PlanNode> => {
    const explained = await db.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_hashjoin = off');
      await manager.query('SET LOCAL enable_mergejoin = off');
      const [row] = await manager.query<{ 'QUERY PLAN': PlanNode[] }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
        params,
      );
      return row;
    });
    const root = explained?.['QUERY PLAN'][0]?.Plan;
    if (root === undefined) throw new Error('no plan');
    return root;
  };

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

  // Found by the W1 benchmark at 50k keys: right after a namespace's first source import, before
  // any ANALYZE had seen its rows, the first translations file ran for minutes (the planner thought
  // the namespace held one row and rescanned it for each entry of the file).
  it('compares a file entry by entry even when the statistics have not seen the namespace', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    const slug = `noop-stats-${process.pid}`;
    await owner.client.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { slug, name: 'No stats', sourceLocale: 'en' },
    });
    const pushed = await pushCatalogue(
      api.baseUrl,
      `/api/projects/${slug}/catalogues/translation`,
      JSON.stringify({ first: 'First' }),
      { cookie: owner.client.rawCookie },
    );
    expect(pushed.status).toBe(200);
    const [ids] = await db.query<{ namespace_id: string; project_id: string; locale_id: string }[]>(
      `SELECT s.namespace_id, s.project_id, gen_random_uuid() AS locale_id
       FROM source_string s JOIN project p ON p.id = s.project_id WHERE p.slug = $1`,
      [slug],
    );
    if (ids === undefined) throw new Error('no source string');
    const entries = 2_000;
    await db.query(
      `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms,
         source_text, source_hash, position)
       SELECT $1, $2, 's:k' || i, 'k' || i, 'simple', jsonb_build_array('k' || i),
              jsonb_build_object('', 'K' || i), 'K' || i, md5('K' || i), i
       FROM generate_series(1, $3::int - 1) AS i`,
      [ids.project_id, ids.namespace_id, entries],
    );
    await forgetStatistics();
    const file = Array.from({ length: entries }, (_, i) => ({
      unitKey: i === 0 ? 's:first' : `s:k${i}`,
      dedupe: JSON.stringify({ '': `T${i}` }),
    }));
    const root = await planOf(
      COMPARE_WITH_STORED_SQL,
      compareParams(ids.namespace_id, ids.locale_id, file),
    );
    // Every entry is pending (no winners yet): the statement answers all of them, and no node of
    // the plan handles more rows than a few per entry.
    expect(root['Actual Rows']).toBe(entries);
    expect(busiestNode(root)).toBeLessThanOrEqual(3 * entries);
  });

  it('rewrites only the source strings that moved or changed, probing each unit by index', async () => {
    const owner = await signedInClient(api.baseUrl, 'owner');
    const slug = `noop-source-${process.pid}`;
    await owner.client.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { slug, name: 'No-op source', sourceLocale: 'en' },
    });
    const push = (file: Record<string, unknown>) =>
      pushCatalogue(api.baseUrl, `/api/projects/${slug}/catalogues/app`, JSON.stringify(file), {
        cookie: owner.client.rawCookie,
      });
    const versions = async (): Promise<Record<string, string>> => {
      const rows = await db.query<{ unit_key: string; v: string }[]>(
        `SELECT s.unit_key, s.xmin::text AS v FROM source_string s JOIN project p ON p.id = s.project_id
         WHERE p.slug = $1`,
        [slug],
      );
      return Object.fromEntries(rows.map((r) => [r.unit_key, r.v]));
    };
    const file = { a: 'A', b: 'B', c: 'C', c_male: 'C (m)', d: 'D' };
    expect((await push(file)).body).toMatchObject({ added: 5, changed: 0, removed: 0 });
    const before = await versions();
    expect((await push(file)).body).toMatchObject({
      added: 0,
      changed: 0,
      removed: 0,
      unchanged: 5,
    });
    expect(await versions()).toEqual(before);

    // b and a swap places, c_male loses its context (c is gone), d changes its text.
    const next = { b: 'B', a: 'A', c_male: 'C (m)', d: 'D2' };
    expect((await push(next)).body).toMatchObject({
      added: 0,
      changed: 1,
      removed: 1,
      unchanged: 3,
    });
    const after = await versions();
    for (const key of ['s:a', 's:b', 's:c', 's:c_male', 's:d'])
      expect(after[key]).not.toBe(before[key]);
    const [context] = await db.query<{ context: unknown }[]>(
      `SELECT s.context FROM source_string s JOIN project p ON p.id = s.project_id
       WHERE p.slug = $1 AND s.unit_key = 's:c_male'`,
      [slug],
    );
    expect(context).toEqual({ context: null });
    // Back again: c revived (added), c_male regains its context, d back to its first text.
    expect((await push(file)).body).toMatchObject({
      added: 1,
      changed: 1,
      removed: 0,
      unchanged: 3,
    });

    // A key PostgreSQL cannot hold is refused as before the comparison (the insert refuses it).
    const nul = await push({ ...file, 'e\u0000': 'E' });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });

    const [ns] = await db.query<{ id: string; project_id: string }[]>(
      `SELECT n.id, n.project_id FROM namespace n JOIN project p ON p.id = n.project_id
       WHERE p.slug = $1 AND n.name = 'app'`,
      [slug],
    );
    if (ns === undefined) throw new Error('no namespace');
    const entries = 2_000;
    const big = Object.fromEntries(Array.from({ length: entries }, (_, i) => [`k${i}`, `K${i}`]));
    const parsed = parseI18nextJson(JSON.stringify(big), { locale: 'en', keySeparator: false });
    if (!parsed.ok) throw new Error('generated file does not parse');
    const units = buildSourceUnits(parsed.value.catalogue);
    await db.query(
      `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms,
         source_text, source_hash, position)
       SELECT $1, $2, u.id, u.key, 'simple', u.path, u.forms, '', u.hash, u.position
       FROM jsonb_to_recordset($3::jsonb)
         AS u(id text, key text, path jsonb, forms jsonb, hash text, position int)`,
      [
        ns.project_id,
        ns.id,
        JSON.stringify(
          units.map((u, position) => ({
            id: u.id,
            key: u.key,
            path: u.path,
            forms: u.forms,
            hash: u.sourceHash,
            position,
          })),
        ),
      ],
    );
    await forgetStatistics();
    const root = await planOf(COMPARE_SOURCE_SQL, compareSourceParams(ns.id, units));
    expect(busiestNode(root)).toBeLessThanOrEqual(3 * entries);
  });
});

interface PlanNode {
  readonly Plan?: PlanNode;
  readonly Plans?: readonly PlanNode[];
  readonly 'Node Type'?: string;
  readonly 'Actual Rows'?: number;
  readonly 'Actual Loops'?: number;
}

/** The most rows any node of the plan produced over all its loops. */
function busiestNode(node: PlanNode): number {
  const own = (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
  return Math.max(own, ...(node.Plans ?? []).map(busiestNode));
}
