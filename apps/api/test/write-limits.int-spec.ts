import { DataSource } from 'typeorm';
import { seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { type GraphqlResponse, signedInClient, type TestClient } from './support/graphql-client';
import { pushCatalogue } from './support/catalogue-http';
import { flushQueueKeys, resetDatabase, startApi, testConfig } from './support/test-app';
import type { RunningApi } from './support/test-app';

const SUBMISSIONS = 3;
const PROJECTS = 2;
const WRITES = 4;

const SUBMIT =
  'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawTranslation(id: $id) { id } }';
const CREATE_PROJECT = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id slug } }';
const SET_LANGUAGES = 'mutation($l: [String!]!) { setMyLanguages(languages: $l) { languages } }';

function refusal(answer: GraphqlResponse<unknown>): Record<string, unknown> | undefined {
  return answer.errors?.[0]?.extensions as Record<string, unknown> | undefined;
}

/**
 * Every mutation counts against a limit (operations-budgeted.spec.ts checks the decorators):
 * translations submitted or withdrawn (RATE_LIMIT_SUBMISSIONS), projects created
 * (RATE_LIMIT_PROJECTS) and every other change (RATE_LIMIT_WRITES), per user. A refused call is
 * answered before the resolver runs: it stores nothing and holds no lock.
 */
describe('write limits per user', () => {
  let api: RunningApi;
  let db: DataSource;
  let seed: SeededCatalogue;
  let owner: TestClient;

  function submit(client: TestClient, key: string, text: string) {
    return client.gql<{ submitTranslation: { candidate: { id: string } } }>(SUBMIT, {
      i: { stringId: seed.strings[`s:${key}`], locale: 'pl', forms: [{ category: '', text }] },
    });
  }

  async function candidatesBy(userId: string): Promise<number> {
    const [row] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM translation WHERE author_id = $1',
      [userId],
    );
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    api = await startApi(
      testConfig({
        RATE_LIMIT_SUBMISSIONS: String(SUBMISSIONS),
        RATE_LIMIT_PROJECTS: String(PROJECTS),
        RATE_LIMIT_WRITES: String(WRITES),
      }),
    );
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'limits-owner')).client;
    // The seed's createProject is the owner's first of PROJECTS.
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl'],
      source: { a: 'One', b: 'Two', c: 'Three', d: 'Four', e: 'Five' },
    });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    if (api !== undefined) await flushQueueKeys(api.config);
  });

  it('refuses submissions and withdrawals past the budget, storing nothing, with a wait time', async () => {
    const translator = await signedInClient(api.baseUrl, 'busy-translator');
    const first = await submit(translator.client, 'a', 'Jeden');
    const candidate = first.data?.submitTranslation.candidate.id ?? '';
    expect(first.errors).toBeUndefined();
    expect((await translator.client.gql(WITHDRAW, { id: candidate })).errors).toBeUndefined();
    expect((await submit(translator.client, 'b', 'Dwa')).errors).toBeUndefined();

    const refused = await submit(translator.client, 'c', 'Trzy');
    expect(refused.data?.submitTranslation ?? null).toBeNull();
    expect(refusal(refused)).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: expect.any(Number),
    });
    expect(refusal(refused)?.['retryAfter']).toBeGreaterThan(0);
    expect(refusal(refused)?.['retryAfter']).toBeLessThanOrEqual(60);
    expect(refused.errors?.[0]?.message).toContain('translations submitted or withdrawn');
    expect(refusal(await translator.client.gql(WITHDRAW, { id: candidate }))?.['code']).toBe(
      'RATE_LIMITED',
    );
    // Two stored (one of them withdrawn), the refused one not.
    expect(await candidatesBy(translator.id)).toBe(2);

    // Another volunteer keeps a budget of their own.
    const other = await signedInClient(api.baseUrl, 'other-translator');
    expect((await submit(other.client, 'c', 'Trzy')).errors).toBeUndefined();
  });

  it('refuses a project past the budget and creates none', async () => {
    const founder = await signedInClient(api.baseUrl, 'serial-founder');
    for (let i = 0; i < PROJECTS; i += 1) {
      await founder.client.ok(CREATE_PROJECT, { i: { name: `P${i}`, slug: `founded-${i}` } });
    }
    const refused = await founder.client.gql(CREATE_PROJECT, {
      i: { name: 'One too many', slug: 'founded-extra' },
    });
    expect(refusal(refused)?.['code']).toBe('RATE_LIMITED');
    const rows = await db.query<unknown[]>("SELECT 1 FROM project WHERE slug = 'founded-extra'");
    expect(rows).toHaveLength(0);
  });

  it('refuses other changes past the shared write budget', async () => {
    const fiddler = await signedInClient(api.baseUrl, 'settings-fiddler');
    for (let i = 0; i < WRITES; i += 1) {
      await fiddler.client.ok(SET_LANGUAGES, { l: i % 2 === 0 ? ['pl'] : ['de'] });
    }
    const refused = await fiddler.client.gql(SET_LANGUAGES, { l: ['fr'] });
    expect(refusal(refused)?.['code']).toBe('RATE_LIMITED');
    const me = await fiddler.client.ok<{ me: { languages: string[] } }>(
      'query { me { languages } }',
    );
    expect(me.me.languages).toEqual(['de']);
  });

  it("counts a session's REST catalogue upload against the write budget, storing nothing past it", async () => {
    const uploader = await signedInClient(api.baseUrl, 'rest-uploader');
    await db.query(
      `INSERT INTO membership (project_id, user_id, role) VALUES ($1, $2, 'developer')`,
      [seed.projectId, uploader.id],
    );
    const push = (namespace: string) =>
      pushCatalogue(
        api.baseUrl,
        `/api/projects/${seed.slug}/catalogues/${namespace}`,
        JSON.stringify({ hello: 'Hello' }),
        { cookie: uploader.client.rawCookie },
      );
    for (let i = 0; i < WRITES; i += 1) expect((await push(`extra-${i}`)).status).toBe(200);
    const refused = await push('one-too-many');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } },
    });
    const rows = await db.query<unknown[]>("SELECT 1 FROM namespace WHERE name = 'one-too-many'");
    expect(rows).toHaveLength(0);
  });
});
