import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { signedInClient, type TestClient } from './support/graphql-client';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

/**
 * Input hygiene and response headers (issue 14, lows): a malformed id or a NUL character is the
 * client's mistake (400 BAD_USER_INPUT with a message), never a Postgres error or a 500; the REST
 * import refuses invalid UTF-8 as GraphQL does; every answer carries the CSP and hardening headers.
 */
describe('security: input hygiene and headers', () => {
  let api: RunningApi;
  let webDist: string;
  let owner: TestClient;
  let seed: SeededCatalogue;
  let pushToken: string;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'chorus-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    api = await startApi(testConfig({ WEB_DIST: webDist }));
    await resetDatabase(api.app);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, { locales: ['pl'], source: { hello: 'Hello' } });
    pushToken = (
      await owner.ok<{ createApiToken: { secret: string } }>(
        `mutation { createApiToken(project: "${seed.slug}", name: "ci", scopes: [push]) { secret } }`,
      )
    ).createApiToken.secret;
  });

  afterAll(async () => {
    await api.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it.each([
    ['castVote', 'mutation { castVote(candidateId: "nope", value: 1) { hasVoted } }'],
    ['retractVote', 'mutation { retractVote(candidateId: "1") { hasVoted } }'],
    ['withdrawTranslation', 'mutation { withdrawTranslation(id: "x") { id } }'],
    ['approveCandidate', 'mutation { approveCandidate(id: "x", reason: "r") { id } }'],
  ])('a non-UUID id in %s is BAD_USER_INPUT with a message, not a 500', async (_name, query) => {
    const result = await owner.gql(query);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/not a valid id/);
    expect(result.errors?.[0]?.message).not.toMatch(/syntax|uuid:/);
  });

  it('a NUL character in a search is BAD_USER_INPUT, not a Postgres error', async () => {
    const result = await owner.gql(
      'query($p: String!, $s: String) { strings(project: $p, locale: "pl", search: $s) { totalCount } }',
      { p: seed.slug, s: 'hel\u0000lo' },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/NUL/);
  });

  it('a NUL character in a REST path is a 400 with a message', async () => {
    const response = await fetch(`${api.baseUrl}/bundles/a%00b/pl/translation.json`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.message).toMatch(/NUL/);
  });

  it('the REST import refuses invalid UTF-8 instead of storing U+FFFD', async () => {
    const path = `/api/projects/${seed.slug}/catalogues/translation?locale=en`;
    const invalid = Buffer.concat([
      Buffer.from('{"hello":"Hello","bad":"caf'),
      Buffer.from([0xe9]), // Latin-1 é: not UTF-8
      Buffer.from('"}'),
    ]);
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${pushToken}` },
      body: invalid,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'INVALID_UPLOAD', message: expect.stringMatching(/not valid UTF-8/) },
    });
    // The same file as UTF-8 (with a byte-order mark) is accepted.
    const valid = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${pushToken}` },
      body: Buffer.from('\uFEFF{"hello":"Hello","bad":"café"}'),
    });
    expect(valid.status).toBe(200);
  });

  it('every answer carries the CSP and hardening headers; bundles may be read cross-origin', async () => {
    for (const path of ['/', '/health', '/graphql?query=%7B__typename%7D']) {
      const response = await fetch(`${api.baseUrl}${path}`, {
        headers: { accept: 'text/html', 'apollo-require-preflight': 'true' },
      });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect([path, csp]).toEqual([path, expect.stringContaining("frame-ancestors 'none'")]);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain(`connect-src 'self' ws://${new URL(api.baseUrl).host}`);
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    }
    const bundle = await fetch(`${api.baseUrl}/bundles/${seed.slug}/pl/translation.json`);
    expect(bundle.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('no cache may store a GraphQL answer: data, errors and refused documents alike', async () => {
    const post = (query: string) =>
      fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query }),
      });
    const answers = [
      await post(`{ project(slug: "${seed.slug}") { slug } }`),
      await post('{ project(slug: "no-such-project") { slug } }'),
      await post('{ nope }'),
      await post('{ unterminated'),
    ];
    expect(answers.map((r) => [r.status, r.headers.get('cache-control')])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [400, 'no-store'],
      [400, 'no-store'],
    ]);
  });
});
