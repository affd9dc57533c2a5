import { request } from 'node:http';
import { DataSource } from 'typeorm';
import { pushCatalogue } from './support/catalogue-http';
import { signedInClient, type TestClient } from './support/graphql-client';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const CREATE_PROJECT = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { slug } }';
const CREATE_TOKEN = `mutation($p: String!, $n: String!, $s: [ApiTokenScope!]!) {
  createApiToken(project: $p, name: $n, scopes: $s) { secret } }`;
const PATH = '/api/projects/acme/catalogues/translation';
const TRUSTED = 'https://translate.example.test';

interface Answer {
  readonly status: number;
  readonly body: { error?: { code?: string }; errors?: { extensions?: { code?: string } }[] };
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/**
 * Sends only the headers and a first chunk of a large body, then waits for the answer. A server
 * that reads (or buffers) the body before deciding never answers until the rest is sent; one
 * that decides from the headers answers now. The socket is destroyed after the answer.
 */
function answerBeforeBody(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; sentBytes: number }> {
  const declared = 20 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(declared) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          sentBytes: chunk.length,
        });
        req.destroy();
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    req.flushHeaders();
    req.write(chunk);
  });
}

/** Issue 14, Medium 7 (anonymous multipart buffering) and Medium 9 (same-site CSRF). */
describe('cookie writes are same-origin and non-simple; uploads are authenticated before their body', () => {
  let api: RunningApi;
  let owner: TestClient;
  let cookie: string;
  let token: string;

  beforeAll(async () => {
    api = await startApi(testConfig({ CORS_ORIGINS: TRUSTED }));
    await resetDatabase(api.app);
    const signed = await signedInClient(api.baseUrl, 'owner');
    owner = signed.client;
    cookie = owner.rawCookie ?? '';
    await owner.ok(CREATE_PROJECT, { i: { slug: 'acme', name: 'Acme', sourceLocale: 'en' } });
    const created = await owner.ok<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
      p: 'acme',
      n: 'CI',
      s: ['push'],
    });
    token = created.createApiToken.secret;
    expect(
      (await pushCatalogue(api.baseUrl, PATH, JSON.stringify({ hello: 'Hello' }), { token }))
        .status,
    ).toBe(200);
  });

  afterAll(() => api.close());

  async function sourceText(): Promise<string> {
    const rows: { source_text: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT source_text FROM source_string WHERE key = 'hello' AND removed_at IS NULL`);
    return rows[0]?.source_text ?? '';
  }

  it('refuses an auto-submitted text/plain form from another port of the same host', async () => {
    const otherPort = new URL(api.baseUrl);
    otherPort.port = String(Number(otherPort.port) + 1);
    const answer = await post(
      `${api.baseUrl}${PATH}`,
      { 'content-type': 'text/plain', cookie, origin: otherPort.origin },
      JSON.stringify({ hello: 'Pwned' }),
    );
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REJECTED' } } });
    expect(await sourceText()).toBe('Hello');
  });

  it('refuses a simple content type even from this origin, unless the client adds x-chorus-csrf', async () => {
    const form = { 'content-type': 'text/plain', cookie, origin: api.baseUrl };
    const body = JSON.stringify({ hello: 'Hello again' });
    expect((await post(`${api.baseUrl}${PATH}`, form, body)).status).toBe(403);
    const withHeader = await post(`${api.baseUrl}${PATH}`, { ...form, 'x-chorus-csrf': '1' }, body);
    expect(withHeader.status).toBe(200);
    expect(await sourceText()).toBe('Hello again');
  });

  it('refuses a cookie write without Origin unless it carries a custom header', async () => {
    const json = { 'content-type': 'application/json', cookie };
    const body = JSON.stringify({ hello: 'Hello' });
    expect((await post(`${api.baseUrl}${PATH}`, json, body)).status).toBe(403);
    expect(
      (await post(`${api.baseUrl}${PATH}`, { ...json, 'x-chorus-csrf': '1' }, body)).status,
    ).toBe(200);
  });

  it('applies the same rule to GraphQL: a foreign Origin cannot create a project with the cookie', async () => {
    const mutation = JSON.stringify({
      query: CREATE_PROJECT,
      variables: { i: { slug: 'csrf-made', name: 'X', sourceLocale: 'en' } },
    });
    const foreign = await post(
      `${api.baseUrl}/graphql`,
      { 'content-type': 'application/json', cookie, origin: 'http://evil.example.test' },
      mutation,
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('CSRF_REJECTED');
    const trusted = await post(
      `${api.baseUrl}/graphql`,
      { 'content-type': 'application/json', cookie, origin: TRUSTED },
      mutation,
    );
    expect(trusted.status).toBe(200);
    expect(trusted.body.errors).toBeUndefined();
  });

  it('lets bearer-token writes through whatever their Origin (no ambient credential)', async () => {
    const answer = await post(
      `${api.baseUrl}${PATH}`,
      {
        'content-type': 'text/plain',
        authorization: `Bearer ${token}`,
        origin: 'http://evil.example.test',
      },
      JSON.stringify({ hello: 'Hello' }),
    );
    expect(answer.status).toBe(200);
  });

  it('answers an anonymous GraphQL multipart upload 401 before reading its body', async () => {
    const answer = await answerBeforeBody(`${api.baseUrl}/graphql`, {
      'content-type': 'multipart/form-data; boundary=x',
      'apollo-require-preflight': 'true',
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('UNAUTHENTICATED');
  });

  it('answers an anonymous REST import 401 before reading its body', async () => {
    const answer = await answerBeforeBody(`${api.baseUrl}${PATH}`, {
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('UNAUTHENTICATED');
  });

  it('answers a REST import with an unknown token 401 before reading its body', async () => {
    const answer = await answerBeforeBody(`${api.baseUrl}${PATH}`, {
      'content-type': 'application/json',
      authorization: 'Bearer chorus_unknown',
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('INVALID_TOKEN');
  });
});
