import { DataSource } from 'typeorm';
import { BundleBuildService } from '../src/delivery/bundle-build.service';
import { BundleRebuildProducer } from '../src/delivery/bundle-rebuild.producer';
import { seedNamespace, seedWinner, localeId, type SeededCatalogue } from './support/delivery-seed';
import { signedInClient, type TestClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';

const EN = JSON.stringify({
  title: 'Shop',
  footer: 'Thank you',
  cart: { empty: 'Your cart is empty' },
});

/** Waits until some backend of this database waits for a heavyweight lock. */
async function untilBlockedOnLock(ds: DataSource): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const rows = (await ds.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )) as { n: number }[];
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the build never waited for the lock');
}

describe('delivery: what a rebuild covers', () => {
  let api: RunningApi;
  let ds: DataSource;
  let owner: { client: TestClient; id: string };
  let projectId: string;
  let catalogue: SeededCatalogue;
  let builds: BundleBuildService;
  let requests: BundleRebuildProducer;
  const ids: Record<string, string> = {};

  const winner = async (locale: string, unitId: string, text: string): Promise<void> => {
    const s = catalogue.strings.get(unitId);
    if (s === undefined) throw new Error(`no ${unitId}`);
    await seedWinner(ds, {
      projectId,
      stringId: s.id,
      localeId: ids[locale] ?? '',
      authorId: owner.id,
      forms: { '': text },
      sourceHash: s.unit.sourceHash,
    });
  };
  const manifestHash = async (): Promise<string> => {
    const rows = (await ds.query('SELECT manifest_hash FROM bundle_set WHERE project_id = $1', [
      projectId,
    ])) as { manifest_hash: string }[];
    return rows[0]?.manifest_hash ?? '';
  };
  const rebuild = async () => {
    const outcome = await builds.rebuild(projectId, new Date());
    if (outcome === null) throw new Error('project vanished');
    return outcome;
  };

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    builds = api.app.get(BundleBuildService);
    requests = api.app.get(BundleRebuildProducer);
    owner = await signedInClient(api.baseUrl, 'owner');
    const created = await owner.client.ok<{ createProject: { id: string } }>(
      'mutation { createProject(input: { slug: "scope", name: "Scope", sourceLocale: "en" }) { id } }',
    );
    projectId = created.createProject.id;
    catalogue = await seedNamespace(ds, projectId, 'translation', 'en', EN);
    for (const code of ['de', 'pl']) ids[code] = await localeId(ds, projectId, code);
  });

  afterAll(async () => {
    await flushQueueKeys(api.config);
    await api.close();
  });

  it('builds every locale the first time, and nothing when no request came since', async () => {
    expect(await builds.needsBuild(projectId)).toBe(true);
    expect((await rebuild()).builtLocales).toEqual(['de', 'en', 'pl']);
    expect(await builds.needsBuild(projectId)).toBe(false);
    const hash = await manifestHash();
    const again = await rebuild();
    expect(again.builtLocales).toEqual([]);
    expect(again.changed).toEqual([]);
    expect(again.bundles).toBe(3);
    expect(await manifestHash()).toBe(hash);
  });

  it("rebuilds only the locale whose winner changed, and the manifest matches a full build's", async () => {
    await winner('pl', 's:title', 'Sklep');
    await requests.requestRebuild(projectId, ['pl']);
    expect(await builds.needsBuild(projectId)).toBe(true);
    const partial = await rebuild();
    expect(partial.builtLocales).toEqual(['pl']);
    expect(partial.changed.map((c) => c.locale)).toEqual(['pl']);
    expect(partial.bundles).toBe(3);
    const hash = await manifestHash();

    await requests.requestRebuild(projectId);
    const full = await rebuild();
    expect(full.builtLocales).toEqual(['de', 'en', 'pl']);
    expect(full.changed).toEqual([]);
    expect(full.bundleSetHash).toBe(partial.bundleSetHash);
    expect(await manifestHash()).toBe(hash);
  });

  it('covers every locale named since the last build, and everything once a request names none', async () => {
    await winner('de', 's:title', 'Laden');
    await winner('pl', 's:cart.empty', 'Twój koszyk jest pusty');
    await requests.requestRebuild(projectId, ['de']);
    await requests.requestRebuild(projectId, ['pl', 'pl']);
    expect((await rebuild()).builtLocales).toEqual(['de', 'pl']);

    await requests.requestRebuild(projectId, ['de']);
    await requests.requestRebuild(projectId);
    expect((await rebuild()).builtLocales).toEqual(['de', 'en', 'pl']);
  });

  it('a request committed while a build runs neither fails the build nor is lost', async () => {
    await rebuild();
    const before = await manifestHash();
    await winner('pl', 's:footer', 'Dziękujemy');
    await requests.requestRebuild(projectId, ['pl']);
    // Hold the build between its snapshot (the first statement) and its read of `bundle`.
    const blocker = ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE bundle IN ACCESS EXCLUSIVE MODE');
    const running = rebuild();
    try {
      await untilBlockedOnLock(ds);
      // Committed after the build's snapshot: a decision in another locale.
      await winner('de', 's:cart.empty', 'Ihr Warenkorb ist leer');
      await requests.requestRebuild(projectId, ['de']);
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const first = await running;
    expect(first.builtLocales).toEqual(['pl']);
    expect(await manifestHash()).not.toBe(before);
    // The request that came during the build is still pending, and the next build covers it.
    expect(await builds.needsBuild(projectId)).toBe(true);
    const second = await rebuild();
    expect(second.builtLocales).toEqual(['de']);
    expect(second.changed.map((c) => `${c.locale}/${c.namespace}`)).toEqual(['de/translation']);
    expect(await builds.needsBuild(projectId)).toBe(false);
  });

  it('adding a locale requests its bundles; the next build adds them to the manifest', async () => {
    await rebuild();
    expect(await builds.needsBuild(projectId)).toBe(false);
    await owner.client.ok('mutation { addLocale(project: "scope", code: "fr") { code } }');
    expect(await builds.needsBuild(projectId)).toBe(true);
    const outcome = await rebuild();
    expect(outcome.builtLocales).toEqual(['fr']);
    expect(outcome.changed).toEqual([expect.objectContaining({ locale: 'fr' })]);
    const rows = (await ds.query('SELECT manifest FROM bundle_set WHERE project_id = $1', [
      projectId,
    ])) as { manifest: string }[];
    expect(rows[0]?.manifest).toContain('"fr"');
  });

  it('a bundle missing from storage is rebuilt even when no request names its locale', async () => {
    await ds.query(`DELETE FROM bundle WHERE project_id = $1 AND locale = 'de'`, [projectId]);
    await requests.requestRebuild(projectId, ['pl']);
    expect((await rebuild()).builtLocales).toEqual(['de', 'pl']);
    const rows = (await ds.query(
      `SELECT count(*)::int AS n FROM bundle WHERE project_id = $1 AND locale = 'de'`,
      [projectId],
    )) as { n: number }[];
    expect(rows[0]?.n).toBe(1);
  });
});
