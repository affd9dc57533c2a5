import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BundleBuildService } from '../src/delivery/bundle-build.service';
import { BundleThread } from '../src/delivery/bundle-thread';
import { BUILD_NICE } from '../src/delivery/bundle-thread.protocol';
import {
  buildLocaleBundles,
  groupSources,
  type SourceRow,
  type WinnerRow,
} from '../src/delivery/locale-bundles';
import { localeId, seedNamespace, seedWinnersFromJson } from './support/delivery-seed';
import { signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

/** Text that COPY's format escapes (tab, newline, backslash), quotes, tags, placeholders, UTF-8. */
const SOURCE = {
  tab: 'Name\tValue',
  lines: 'First line\nSecond line',
  path: 'C:\\Users\\{{name}}',
  quoted: 'Say "hello" to <0>{{who}}</0>',
  unicode: 'Zażółć gęślą jaźń ✓ 😀',
  cart: { items_one: '{{count}} item', items_other: '{{count}} items' },
  ctx_male: 'He replied',
};
const POLISH = {
  tab: 'Nazwa\tWartość',
  lines: 'Pierwsza linia\nDruga linia',
  path: 'C:\\Użytkownicy\\{{name}}',
  quoted: 'Powiedz "cześć" <0>{{who}}</0>',
  unicode: 'Żółw 🐢',
  cart: {
    items_one: '{{count}} rzecz',
    items_few: '{{count}} rzeczy',
    items_many: '{{count}} rzeczy',
    items_other: '{{count}} rzeczy',
  },
};

const NAMESPACES = [{ id: 'ns', name: 'translation', nestedKeys: true }];
const PL = { locale: 'pl', sourceLocale: 'en', exportStale: false, stored: {} };

/**
 * Bundle builds run on a worker thread and read their rows through COPY's raw text format
 * (BundleThread). What the thread builds must be byte for byte what translation-core builds
 * from the rows as the driver reads them, whatever the text holds.
 */
describe('bundle builds on the bundle thread', () => {
  let api: RunningApi;
  let db: DataSource;
  let builds: BundleBuildService;
  let projectId: string;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    builds = api.app.get(BundleBuildService);
    const owner = await signedInClient(api.baseUrl, 'owner');
    const created = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation { createProject(input: { slug: "threaded", name: "Threaded", sourceLocale: "en" }) { id } }',
    );
    projectId = created.createProject.id;
    const catalogue = await seedNamespace(
      db,
      projectId,
      'translation',
      'en',
      JSON.stringify(SOURCE),
    );
    await seedWinnersFromJson(db, catalogue, {
      projectId,
      localeId: await localeId(db, projectId, 'pl'),
      locale: 'pl',
      authorId: owner.id,
      json: JSON.stringify(POLISH),
    });
  });

  afterAll(async () => {
    await api.close();
  });

  /** translation-core's bundle of `code`, from rows the driver parsed (no COPY, no thread). */
  async function builtInProcess(code: string): Promise<{ text: string; contentHash: string }> {
    const sources = (await db.query(
      `SELECT id, namespace_id, unit_key, key, kind, path, context, forms, source_hash
         FROM source_string WHERE project_id = $1 AND removed_at IS NULL`,
      [projectId],
    )) as SourceRow[];
    const winners = (await db.query(
      `SELECT tu.string_id, tu.winner_source_hash, t.forms FROM translation_unit tu
         JOIN translation t ON t.id = tu.winner_translation_id JOIN locale l ON l.id = tu.locale_id
        WHERE tu.project_id = $1 AND l.code = $2`,
      [projectId, code],
    )) as WinnerRow[];
    const namespaces = (
      (await db.query('SELECT id, name, nested_keys FROM namespace WHERE project_id = $1', [
        projectId,
      ])) as { id: string; name: string; nested_keys: boolean }[]
    ).map((ns) => ({ id: ns.id, name: ns.name, nestedKeys: ns.nested_keys }));
    const [bundle] = buildLocaleBundles(groupSources(sources, namespaces), namespaces, {
      locale: code,
      sourceLocale: 'en',
      exportStale: false,
      winners,
      stored: {},
    });
    if (bundle?.ok !== true || bundle.text === null) throw new Error(`no bundle for ${code}`);
    return { text: bundle.text, contentHash: bundle.contentHash };
  }

  it('stores the same bytes translation-core builds from the driver’s rows', async () => {
    const outcome = await builds.rebuild(projectId, new Date());
    expect(outcome?.builtLocales).toEqual(['en', 'pl']);
    for (const code of ['en', 'pl']) {
      const expected = await builtInProcess(code);
      const [stored] = (await db.query(
        `SELECT b.content_hash, v.body FROM bundle b
           JOIN bundle_version v USING (project_id, locale, namespace, content_hash)
          WHERE b.project_id = $1 AND b.locale = $2`,
        [projectId, code],
      )) as { content_hash: string; body: string }[];
      expect(stored?.content_hash).toBe(expected.contentHash);
      expect(stored?.body).toBe(expected.text);
    }
    const pl = JSON.parse((await builtInProcess('pl')).text) as Record<string, string>;
    expect(pl['tab']).toBe(POLISH.tab);
    expect(pl['lines']).toBe(POLISH.lines);
    expect(pl['path']).toBe(POLISH.path);
    expect(pl['unicode']).toBe(POLISH.unicode);
  });

  it('fails a bundle that cannot be built with BUNDLE_BUILD_FAILED and keeps the stored ones', async () => {
    const before = (await db.query(
      'SELECT locale, content_hash FROM bundle WHERE project_id = $1 ORDER BY locale',
      [projectId],
    )) as { locale: string; content_hash: string }[];
    // A string whose key is the parent of another's nested key: the two cannot share one file.
    await db.query(
      `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms,
                                  source_text, source_hash, position)
       SELECT project_id, namespace_id, 's:cart.items_one.extra', 'cart.items_one.extra', 'simple',
              '["cart", "items_one", "extra"]'::jsonb, '{"": "clash"}'::jsonb, 'clash', 'clash', 999
         FROM source_string WHERE project_id = $1 LIMIT 1`,
      [projectId],
    );
    await db.query(
      `INSERT INTO bundle_request (project_id, requested_seq, all_seq, locale_seqs)
       VALUES ($1, 100, 100, '{}') ON CONFLICT (project_id) DO UPDATE
         SET requested_seq = 100, all_seq = 100`,
      [projectId],
    );
    await expect(builds.rebuild(projectId, new Date())).rejects.toMatchObject({
      code: 'BUNDLE_BUILD_FAILED',
    });
    expect(
      await db.query(
        'SELECT locale, content_hash FROM bundle WHERE project_id = $1 ORDER BY locale',
        [projectId],
      ),
    ).toEqual(before);
  });

  it('sends back no bytes for a bundle equal to the stored one', async () => {
    const thread = new BundleThread();
    const session = await thread.open(new Uint8Array(0), NAMESPACES);
    const [first] = await session.build(PL, new Uint8Array(0));
    if (first?.ok !== true) throw new Error('no bundle');
    expect(first.text).toBe('{}\n');
    const [again] = await session.build(
      { ...PL, stored: { translation: first.contentHash } },
      new Uint8Array(0),
    );
    expect(again).toMatchObject({ ok: true, contentHash: first.contentHash, text: null });
    await session.close();
    await thread.onApplicationShutdown();
  });

  it('loses its sessions with its thread, and starts a new thread for the next build', async () => {
    const thread = new BundleThread();
    const session = await thread.open(new Uint8Array(0), NAMESPACES);
    await thread.stop();
    await expect(session.build(PL, new Uint8Array(0))).rejects.toThrow('is not open');
    await session.close();
    const fresh = await thread.open(new Uint8Array(0), NAMESPACES);
    expect(await fresh.build(PL, new Uint8Array(0))).toMatchObject([
      { ok: true, namespace: 'translation', unitCount: 0 },
    ]);
    await fresh.close();
    await thread.onApplicationShutdown();
  });

  it('lets a process whose builds are done exit without a shutdown', async () => {
    // A thread owing an answer holds its process (the child prints "built"); an idle one must
    // not (one did, when unref() came before the 'message' listener: jest's run never ended).
    const script = `
      const { BundleThread } = require(${JSON.stringify(join(__dirname, '../src/delivery/bundle-thread.ts'))});
      const thread = new BundleThread();
      thread.open(new Uint8Array(0), ${JSON.stringify(NAMESPACES)})
        .then((s) => s.build(${JSON.stringify(PL)}, new Uint8Array(0)).then(() => s.close()))
        .then(() => console.log('built'));`;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../tsconfig.json') },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // A guard against a hang, far above the ~1 s the child takes: the failure this test catches.
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    clearTimeout(guard);
    expect({ code, signal, out: out.trim() }).toEqual({ code: 0, signal: null, out: 'built' });
  });

  it('builds at a lower CPU priority than the rest of the process (Linux)', async () => {
    if (process.platform !== 'linux') {
      console.log('skipped: per-thread nice values are Linux only');
      return;
    }
    const niceOfTasks = (): number[] =>
      readdirSync(`/proc/${process.pid}/task`).map((task) => {
        const stat = readFileSync(`/proc/${process.pid}/task/${task}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    const before = niceOfTasks();
    const thread = new BundleThread();
    const session = await thread.open(new Uint8Array(0), NAMESPACES);
    await session.build(PL, new Uint8Array(0));
    // The thread, and only the thread: the process's other threads keep their priority.
    expect(niceOfTasks().filter((nice) => nice === BUILD_NICE)).toHaveLength(
      before.filter((nice) => nice === BUILD_NICE).length + 1,
    );
    expect(getPriority()).toBe(0);
    await session.close();
    await thread.onApplicationShutdown();
  });

  it('shuts down once the builds in progress are done', async () => {
    const thread = new BundleThread();
    const session = await thread.open(new Uint8Array(0), NAMESPACES);
    let stopped = false;
    const shutdown = thread.onApplicationShutdown().then(() => {
      stopped = true;
    });
    // The job that opened the session is still running: its next build must not fail.
    expect(await session.build(PL, new Uint8Array(0))).toMatchObject([{ ok: true }]);
    expect(stopped).toBe(false);
    await session.close();
    await shutdown;
    expect(stopped).toBe(true);
  });
});
