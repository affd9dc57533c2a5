import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DemoSeedService } from '../src/demo/demo-seed.service';
import { buildBundles } from './support/bundle-build';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const UI_LOCALES = join(__dirname, '../../web/src/locales');
const EXAMPLE_LOCALES = join(__dirname, '../../example/src/locales');

/** `npm start`'s demo project is the web client's own catalogue, served back to it as bundles. */
describe('demo seed', () => {
  let api: RunningApi;
  // A stand-in for the example shop's build (dist/apps/example): a page and one asset.
  const exampleDist = mkdtempSync(join(tmpdir(), 'chorus-example-'));

  beforeAll(async () => {
    mkdirSync(join(exampleDist, 'assets'));
    writeFileSync(join(exampleDist, 'index.html'), '<!doctype html><title>shop</title>');
    writeFileSync(join(exampleDist, 'assets', 'shop.js'), 'console.log("shop")');
    api = await startApi(
      testConfig({
        SEED_DEMO: 'true',
        DEMO_CATALOGUE_DIR: UI_LOCALES,
        DEMO_EXAMPLE_DIR: EXAMPLE_LOCALES,
        EXAMPLE_DIST: exampleDist,
      }),
    );
    await resetDatabase(api.app);
  });

  afterAll(async () => {
    await api.close();
    rmSync(exampleDist, { recursive: true, force: true });
  });

  it('imports the UI catalogue with its shipped translations, and a second seed changes nothing', async () => {
    const seed = api.app.get(DemoSeedService);
    await seed.seed();
    const db = api.app.get(DataSource);
    const count = async () =>
      db.query<{ strings: number; winners: number; events: number }[]>(
        `SELECT (SELECT count(*)::int FROM source_string) AS strings,
                (SELECT count(*)::int FROM translation_unit WHERE winner_translation_id IS NOT NULL) AS winners,
                (SELECT count(*)::int FROM translation) AS events`,
      );
    const first = await count();
    expect(first[0]!.strings).toBeGreaterThan(50);
    expect(first[0]!.winners).toBeGreaterThan(50);

    // The seed asks for a rebuild; the worker's build runs here explicitly (reads never build).
    const ui = await db.query<{ id: string }[]>(`SELECT id FROM project WHERE slug = 'chorus-ui'`);
    await buildBundles(api.app, ui[0]!.id);
    const pl = await fetch(`${api.baseUrl}/bundles/chorus-ui/pl/translation.json`);
    expect(pl.status).toBe(200);
    const bundle = (await pl.json()) as Record<string, unknown>;
    expect(Object.keys(bundle).length).toBeGreaterThan(3);

    await seed.seed();
    expect(await count()).toEqual(first);
  });

  it('seeds a playground with open work: untranslated strings and short rounds in progress (issue 17)', async () => {
    const db = api.app.get(DataSource);
    const rounds = await db.query<{ state: string; duration: number }[]>(
      `SELECT r.state, (r.params->>'duration')::int AS duration FROM round r
         JOIN translation_unit tu ON tu.id = r.unit_id JOIN project p ON p.id = tu.project_id
        WHERE p.slug = 'playground'`,
    );
    // The shipped German "cancel" is an imported winner; Ada's three proposals are in progress.
    expect(rounds.filter((r) => r.state === 'COLLECTING')).toHaveLength(3);
    expect(rounds.every((r) => r.duration === 600_000)).toBe(true);
    const [open] = await db.query<{ untranslated: number }[]>(
      `SELECT count(*)::int AS untranslated FROM source_string s JOIN project p ON p.id = s.project_id
        CROSS JOIN (VALUES ('de'), ('fr')) AS l(code)
        WHERE p.slug = 'playground' AND NOT EXISTS (
          SELECT 1 FROM translation_unit tu JOIN locale lo ON lo.id = tu.locale_id
           WHERE tu.string_id = s.id AND lo.code = l.code AND tu.winner_translation_id IS NOT NULL)`,
    );
    expect(open!.untranslated).toBeGreaterThan(10);
  });

  it('seeds the example shop as an open project wanting German and Polish (in-context demo)', async () => {
    const db = api.app.get(DataSource);
    const [example] = await db.query<{ open: boolean; wanted: string[]; strings: number }[]>(
      `SELECT p.open, p.help_wanted_locales AS wanted,
              (SELECT count(*)::int FROM source_string s WHERE s.project_id = p.id) AS strings
         FROM project p WHERE p.slug = 'example'`,
    );
    expect(example).toEqual({ open: true, wanted: ['de', 'pl'], strings: expect.any(Number) });
    expect(example!.strings).toBeGreaterThan(5);
  });

  it('serves the example shop under /example/, its routes falling back to its page', async () => {
    const page = await fetch(`${api.baseUrl}/example/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>shop</title>');
    const asset = await fetch(`${api.baseUrl}/example/assets/shop.js`);
    expect(await asset.text()).toBe('console.log("shop")');
    const route = await fetch(`${api.baseUrl}/example/cart`, { headers: { accept: 'text/html' } });
    expect(await route.text()).toContain('<title>shop</title>');
    // Not a page: no fallback (a missing script must not come back as HTML).
    expect((await fetch(`${api.baseUrl}/example/assets/missing.js`)).status).toBe(404);
  });
});
