import { DataSource } from 'typeorm';
import { getJson } from './support/catalogue-http';
import { type GraphqlResponse, TestClient, signedInClient } from './support/graphql-client';
import { seedProject, seedString, type SeededString } from './support/seed';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const BUDGET = 3;
const STRINGS = `query($p: String!, $l: String!) {
  strings(project: $p, locale: $l, first: 10) { totalCount edges { node { key } } } }`;
const CANDIDATES = `query($id: ID!, $l: String!) { candidates(stringId: $id, locale: $l) { stringId } }`;

function codesOf(answer: GraphqlResponse<unknown>): unknown[] {
  return (answer.errors ?? []).map((e) => e.extensions?.code);
}

/**
 * Every query but `me` and `health` (the public reads — strings, string, stringByKey, candidates,
 * suggestions… — and the signed-in user's own: myWork, notifications, the managers' queues…)
 * shares one budget per minute (RATE_LIMIT_READS): per user when signed in, per IP when not.
 * operations-budgeted.spec.ts checks that each is decorated. (nextString has its own, claims.)
 */
describe('reads: the read budget (RATE_LIMIT_READS)', () => {
  let api: RunningApi;
  let greeting: SeededString;
  const ask = { p: 'budgeted', l: 'de' };

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_READS: String(BUDGET) }));
    await resetDatabase(api.app);
    const ds = api.app.get(DataSource);
    const project = await seedProject(ds, { slug: 'budgeted', locales: ['de'] });
    greeting = await seedString(ds, project, { key: 'greeting', position: 0 });
  });

  afterAll(() => api.close());

  it('refuses an anonymous caller past the budget with a wait time, across the read queries', async () => {
    // Nothing before this ran signed out: the address's budget is whole.
    const anonymous = new TestClient(api.baseUrl);
    for (let i = 0; i < BUDGET - 1; i += 1) await anonymous.ok(STRINGS, ask);
    await anonymous.ok(CANDIDATES, { id: greeting.id, l: 'de' });

    const refused = await anonymous.gql<{ strings: unknown }>(STRINGS, ask);
    const extensions = refused.errors?.[0]?.extensions as Record<string, unknown> | undefined;
    expect(extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(extensions?.['retryAfter']).toBeGreaterThan(0);
    expect(extensions?.['retryAfter']).toBeLessThanOrEqual(60);
    // Refused before the resolver ran: no page, no count.
    expect(refused.data?.strings ?? null).toBeNull();
    expect(codesOf(await anonymous.gql(CANDIDATES, { id: greeting.id, l: 'de' }))).toEqual([
      'RATE_LIMITED',
    ]);

    // A volunteer signed in from the same address keeps a budget of their own.
    const volunteer = await signedInClient(api.baseUrl, 'volunteer-behind-the-same-nat');
    const page = await volunteer.client.ok<{ strings: { totalCount: number } }>(STRINGS, ask);
    expect(page.strings.totalCount).toBe(1);
  });

  it('counts the dashboard and project reads against the same budget', async () => {
    const { client } = await signedInClient(api.baseUrl, 'dashboard-scraper');
    await client.ok('query { localeStats(project: "budgeted") { locale } }');
    await client.ok('query { leaderboard(project: "budgeted", locale: "de") { accepted } }');
    await client.ok('query { locales(project: "budgeted") { code } }');
    for (const query of [
      'query { localeStats(project: "budgeted") { locale } }',
      'query { project(slug: "budgeted") { slug } }',
      'query { glossaryTerms(project: "budgeted") { id } }',
    ]) {
      expect(codesOf(await client.gql(query))).toEqual(['RATE_LIMITED']);
    }
  });

  it('counts each aliased read in one request', async () => {
    const { client } = await signedInClient(api.baseUrl, 'alias-scraper');
    const aliases = Array.from(
      { length: BUDGET + 1 },
      (_, i) => `a${i}: strings(project: "budgeted", locale: "de", first: 1) { totalCount }`,
    );
    expect(codesOf(await client.gql(`query { ${aliases.join(' ')} }`))).toEqual(['RATE_LIMITED']);
  });

  it("counts a signed-in user's own queries against the same budget, and leaves `me` out", async () => {
    const { client } = await signedInClient(api.baseUrl, 'bell-poller');
    await client.ok('query { unreadNotificationCount }');
    await client.ok('query { myWork { votes } }');
    await client.ok('query { notifications(first: 5) { unreadCount } }');
    for (const query of [
      'query { unreadNotificationCount }',
      'query { myCandidates(first: 5) { endCursor } }',
      'query { projectsThatNeedYou { endCursor } }',
    ]) {
      const refused = await client.gql<Record<string, unknown>>(query);
      expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
      const extensions = refused.errors?.[0]?.extensions as Record<string, unknown> | undefined;
      expect(extensions?.['retryAfter']).toBeLessThanOrEqual(60);
    }
    // The import job's REST door (`chorus push --wait`) is the same read: refused before any
    // lookup (an unknown job would otherwise answer 404).
    const job = await getJson(api.baseUrl, '/api/jobs/import-unknown', {
      cookie: client.rawCookie,
    });
    expect(job.status).toBe(429);
    expect(job.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // The session itself is never budgeted: the web client asks for it on every page.
    const me = await client.ok<{ me: { id: string } | null }>('query { me { id } }');
    expect(me.me?.id).toEqual(expect.any(String));
  });
});
