import { TestClient } from './support/graphql-client';
import { startApi, testConfig, type RunningApi } from './support/test-app';

describe('request protection: depth, complexity, size, no stack traces', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig({ GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_COMPLEXITY: '30' }));
  });

  afterAll(() => api.close());

  it('refuses a query nested deeper than the limit with QUERY_TOO_DEEP', async () => {
    const client = new TestClient(api.baseUrl);
    const deep = await client.gql('{ members(project: "x") { user { id } } }');
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/3 levels deep; at most 2/),
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
    // Fragments count as the fields they stand for.
    const viaFragment = await client.gql(
      'query { ...A } fragment A on Query { members(project: "x") { ...B } } fragment B on Member { user { id } }',
    );
    expect(viaFragment.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect((await client.gql('{ me { id } }')).errors).toBeUndefined();
  });

  it('refuses a query whose estimated cost is over the limit with QUERY_TOO_COMPLEX', async () => {
    const client = new TestClient(api.baseUrl);
    const result = await client.gql('{ projects { id slug name sourceLocale visibility } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await client.gql('{ projects { id slug } }')).errors).toBeUndefined();
  });

  it('refuses JSON bodies over 2 MB and never sends stack traces', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2_200_000) } }),
    });
    expect(response.status).toBe(413);
    const bad = await new TestClient(api.baseUrl).gql('{ project(slug: 1) { id } }');
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|at .+\.ts:\d+/);
  });
});
