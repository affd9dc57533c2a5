import { DataSource } from 'typeorm';
import { getJson, pushCatalogue } from './support/catalogue-http';
import { signedInClient, type TestClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const CREATE_PROJECT = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { slug } }';
const CREATE_TOKEN = `mutation($p: String!, $n: String!, $s: [ApiTokenScope!]!) {
  createApiToken(project: $p, name: $n, scopes: $s) { secret } }`;
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!) {
  addMember(project: $p, email: $e, role: $r) { id } }`;
const REMOVE_MEMBER = 'mutation($p: String!, $id: ID!) { removeMember(project: $p, id: $id) }';

const CATALOGUE = JSON.stringify({ hello: 'Hello' });
const PATH = '/api/projects/acme/catalogues/translation';

/** Issue 14, Medium 8 and the token existence oracles (Lows). */
describe('API tokens follow their creator, and say nothing about projects they cannot see', () => {
  let api: RunningApi;
  let owner: TestClient;

  async function developerToken(
    name: string,
  ): Promise<{ secret: string; memberId: string; userId: string }> {
    const dev = await signedInClient(api.baseUrl, name);
    const added = await owner.ok<{ addMember: { id: string } }>(ADD_MEMBER, {
      p: 'acme',
      e: dev.email,
      r: 'developer',
    });
    const token = await dev.client.ok<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
      p: 'acme',
      n: `${name} CI`,
      s: ['push', 'pull'],
    });
    return { secret: token.createApiToken.secret, memberId: added.addMember.id, userId: dev.id };
  }

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    await owner.ok(CREATE_PROJECT, { i: { slug: 'acme', name: 'Acme', sourceLocale: 'en' } });
    await owner.ok(CREATE_PROJECT, {
      i: { slug: 'secret', name: 'Secret', sourceLocale: 'en', visibility: 'private' },
    });
  });

  afterAll(() => api.close());

  it("refuses a banned developer's token", async () => {
    const dev = await developerToken('banned-dev');
    expect((await pushCatalogue(api.baseUrl, PATH, CATALOGUE, { token: dev.secret })).status).toBe(
      200,
    );
    await api.app
      .get(DataSource)
      .query('UPDATE "user" SET banned_at = now() WHERE id = $1', [dev.userId]);
    const refused = await pushCatalogue(api.baseUrl, PATH, CATALOGUE, { token: dev.secret });
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'INVALID_TOKEN' } } });
  });

  it('refuses the token of a developer removed from the project', async () => {
    const dev = await developerToken('removed-dev');
    expect((await pushCatalogue(api.baseUrl, PATH, CATALOGUE, { token: dev.secret })).status).toBe(
      200,
    );
    await owner.ok(REMOVE_MEMBER, { p: 'acme', id: dev.memberId });
    const refused = await pushCatalogue(api.baseUrl, PATH, CATALOGUE, { token: dev.secret });
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'INVALID_TOKEN' } } });
  });

  it('answers a token of another project the same for a private slug as for a missing one', async () => {
    const dev = await developerToken('oracle-dev');
    const onPrivate = await pushCatalogue(
      api.baseUrl,
      '/api/projects/secret/catalogues/translation',
      CATALOGUE,
      { token: dev.secret },
    );
    const onMissing = await pushCatalogue(
      api.baseUrl,
      '/api/projects/nowhere/catalogues/translation',
      CATALOGUE,
      { token: dev.secret },
    );
    expect(onPrivate.status).toBe(onMissing.status);
    expect((onPrivate.body['error'] as { code: string }).code).toBe(
      (onMissing.body['error'] as { code: string }).code,
    );
  });

  it('answers an anonymous job lookup the same whether or not the job exists', async () => {
    const dev = await developerToken('job-dev');
    const queued = await pushCatalogue(api.baseUrl, `${PATH}?async=1`, CATALOGUE, {
      token: dev.secret,
    });
    expect(queued.status).toBe(202);
    const jobId = queued.body['jobId'] as string;
    const existing = await getJson(api.baseUrl, `/api/jobs/${jobId}`);
    const missing = await getJson(api.baseUrl, '/api/jobs/00000000-0000-4000-8000-000000000000');
    expect(existing.status).toBe(401);
    expect(missing.status).toBe(401);
    expect(existing.body).toEqual(missing.body);
  });
});
