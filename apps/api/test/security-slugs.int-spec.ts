import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DemoSeedService } from '../src/demo/demo-seed.service';
import { pushCatalogue } from './support/catalogue-http';
import { signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const CREATE_PROJECT = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { slug } }';
const CREATE_TOKEN = `mutation($p: String!, $n: String!, $s: [ApiTokenScope!]!) {
  createApiToken(project: $p, name: $n, scopes: $s) { secret } }`;
const UI_LOCALES = join(__dirname, '../../web/src/locales');

/** Issue 14, Medium 6: no account can take over the UI's own catalogue by squatting its slug. */
describe('reserved slugs and the UI catalogue', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig({ DEMO_CATALOGUE_DIR: UI_LOCALES }));
    await resetDatabase(api.app);
  });

  afterAll(() => api.close());

  it.each(['chorus-ui', 'admin', 'api', 'graphql', 'bundles', 'health'])(
    'refuses createProject with the reserved slug %s',
    async (slug) => {
      const { client } = await signedInClient(api.baseUrl, 'squatter');
      expect(
        await client.errorCode(CREATE_PROJECT, { i: { slug, name: 'Mine', sourceLocale: 'en' } }),
      ).toBe('SLUG_RESERVED');
    },
  );

  it('serves the UI bundles only from the instance project, never from a squatted one', async () => {
    // A squat from before the rule: an ordinary account owns a project under the UI slug.
    const { client, id } = await signedInClient(api.baseUrl, 'early-squatter');
    await client.ok(CREATE_PROJECT, { i: { slug: 'squat-tmp', name: 'S', sourceLocale: 'en' } });
    const db = api.app.get(DataSource);
    await db.query(`UPDATE project SET slug = 'chorus-ui' WHERE slug = 'squat-tmp'`);
    const token = (
      await client.ok<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
        p: 'chorus-ui',
        n: 'x',
        s: ['push'],
      })
    ).createApiToken.secret;
    expect(
      (
        await pushCatalogue(
          api.baseUrl,
          '/api/projects/chorus-ui/catalogues/translation',
          JSON.stringify({ 'app.title': 'Pwned' }),
          { token },
        )
      ).status,
    ).toBe(200);
    expect((await fetch(`${api.baseUrl}/bundles/chorus-ui/en/translation.json`)).status).toBe(404);
    // The seed does not adopt it, nor feed it the UI's catalogue.
    await api.app.get(DemoSeedService).seed();
    const owners: { user_id: string }[] = await db.query(
      `SELECT m.user_id FROM membership m JOIN project p ON p.id = m.project_id
        WHERE p.slug = 'chorus-ui' AND m.role = 'owner'`,
    );
    expect(owners).toEqual([{ user_id: id }]);
    expect((await fetch(`${api.baseUrl}/bundles/chorus-ui/en/translation.json`)).status).toBe(404);
  });

  it('serves the seeded (system) UI project', async () => {
    await resetDatabase(api.app);
    await api.app.get(DemoSeedService).seed();
    const flags: { system: boolean }[] = await api.app
      .get(DataSource)
      .query(`SELECT system FROM project WHERE slug = 'chorus-ui'`);
    expect(flags).toEqual([{ system: true }]);
  });
});
