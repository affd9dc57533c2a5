import { TestClient, signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const CREATE =
  'mutation($i: CreateProjectInput!) { createProject(input: $i) { slug name sourceLocale visibility } }';
const LIST = '{ projects { slug } }';

describe('projects', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
  });

  afterAll(() => api.close());

  it('creates a project owned by its creator, with a canonical source locale', async () => {
    const { client } = await signedInClient(api.baseUrl, 'owner');
    const data = await client.ok<{ createProject: Record<string, string> }>(CREATE, {
      i: { slug: 'shop', name: 'Shop', sourceLocale: 'pt-br', visibility: 'public' },
    });
    expect(data.createProject).toEqual({
      slug: 'shop',
      name: 'Shop',
      sourceLocale: 'pt-BR',
      visibility: 'public',
    });
  });

  it('refuses a taken slug, an unknown locale and a malformed slug with their codes', async () => {
    const { client } = await signedInClient(api.baseUrl, 'second');
    expect(
      await client.errorCode(CREATE, { i: { slug: 'shop', name: 'Again', sourceLocale: 'en' } }),
    ).toBe('SLUG_TAKEN');
    expect(
      await client.errorCode(CREATE, {
        i: { slug: 'x1', name: 'X', sourceLocale: 'not a locale!' },
      }),
    ).toBe('UNKNOWN_LOCALE');
    expect(
      await client.errorCode(CREATE, { i: { slug: 'Bad Slug', name: 'X', sourceLocale: 'en' } }),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses to create a project without a session', async () => {
    const anonymous = new TestClient(api.baseUrl);
    expect(
      await anonymous.errorCode(CREATE, { i: { slug: 'anon', name: 'Anon', sourceLocale: 'en' } }),
    ).toBe('UNAUTHENTICATED');
  });

  it('shows private projects only to their members', async () => {
    const owner = await signedInClient(api.baseUrl, 'private-owner');
    await owner.client.ok(CREATE, {
      i: { slug: 'secret', name: 'Secret', sourceLocale: 'en', visibility: 'private' },
    });
    const stranger = await signedInClient(api.baseUrl, 'stranger');

    const mine = await owner.client.ok<{ projects: { slug: string }[] }>(LIST);
    const theirs = await stranger.client.ok<{ projects: { slug: string }[] }>(LIST);
    expect(mine.projects.map((p) => p.slug)).toEqual(['secret', 'shop']);
    expect(theirs.projects.map((p) => p.slug)).toEqual(['shop']);
    for (const query of [
      '{ project(slug: "secret") { slug } }',
      '{ locales(project: "secret") { code } }',
      '{ namespaces(project: "secret") { name } }',
    ]) {
      expect(await stranger.client.errorCode(query)).toBe('PROJECT_NOT_FOUND');
      expect(await new TestClient(api.baseUrl).errorCode(query)).toBe('PROJECT_NOT_FOUND');
    }
    expect(
      (await owner.client.ok<{ locales: unknown[] }>('{ locales(project: "secret") { code } }'))
        .locales,
    ).toEqual([]);
    expect(await owner.client.ok('{ project(slug: "secret") { slug } }')).toEqual({
      project: { slug: 'secret' },
    });
  });

  it('lists projects a page at a time, in name order, from the slug after which to go on', async () => {
    const { client } = await signedInClient(api.baseUrl, 'pager');
    // Names out of slug order, two of them equal: the slug breaks the tie.
    for (const [slug, name] of [
      ['page-c', 'Alpha'],
      ['page-a', 'Beta'],
      ['page-b', 'Beta'],
      ['page-d', 'Gamma'],
    ] as const) {
      await client.ok(CREATE, { i: { slug, name, sourceLocale: 'en', visibility: 'public' } });
    }
    const PAGE = 'query($after: String) { projects(first: 2, after: $after) { slug } }';
    const slugs = async (after: string | null): Promise<string[]> =>
      (await client.ok<{ projects: { slug: string }[] }>(PAGE, { after })).projects.map(
        (p) => p.slug,
      );
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await slugs(after);
      all.push(...page);
      if (page.length < 2) break;
      after = page[page.length - 1] ?? null;
    }
    const everything = await client.ok<{ projects: { slug: string }[] }>(LIST);
    expect(all).toEqual(everything.projects.map((p) => p.slug));
    expect(all.filter((slug) => slug.startsWith('page-'))).toEqual([
      'page-c',
      'page-a',
      'page-b',
      'page-d',
    ]);

    // A cursor must be a project the caller can see; sizes are 1–100.
    const stranger = await signedInClient(api.baseUrl, 'cursor-guesser');
    for (const after of ['secret', 'no-such-project']) {
      expect(await stranger.client.errorCode(PAGE, { after })).toBe('INVALID_CURSOR');
    }
    expect(await client.errorCode('{ projects(first: 0) { slug } }')).toBe('BAD_USER_INPUT');
    expect(await client.errorCode('{ projects(first: 101) { slug } }')).toBe('BAD_USER_INPUT');
    expect(await client.errorCode('{ projects(after: "Not A Slug") { slug } }')).toBe(
      'BAD_USER_INPUT',
    );
  });
});
