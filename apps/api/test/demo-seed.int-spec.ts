import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DemoSeedService } from '../src/demo/demo-seed.service';
import { buildBundles } from './support/bundle-build';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const UI_LOCALES = join(__dirname, '../../web/src/locales');

/** `npm start`'s demo project is the web client's own catalogue, served back to it as bundles. */
describe('demo seed', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig({ SEED_DEMO: 'true', DEMO_CATALOGUE_DIR: UI_LOCALES }));
    await resetDatabase(api.app);
  });

  afterAll(() => api.close());

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
});
