import { ChorusClient, type FetchLike } from '@chorus/i18next-in-context/client';
import { DataSource } from 'typeorm';
import { GlossaryService } from '../src/glossary/glossary.service';
import { TestClient, signedInClient } from './support/graphql-client';
import { seedProject, seedString, seedUser } from './support/seed';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

/** What the in-context package (libs/i18next-in-context) asks when a text is Alt+clicked. */
const BY_KEY = `query($p: String!, $l: String!, $n: String!, $k: String!) {
  stringByKey(project: $p, locale: $l, namespace: $n, key: $k) {
    id key namespace kind status sourceForms { category text } requiredForms { category } } }`;

interface ByKey {
  stringByKey: {
    id: string;
    key: string;
    namespace: string;
    kind: string;
    status: string;
    requiredForms: { category: string }[];
  };
}

describe('in-context translation: strings by i18next key', () => {
  let api: RunningApi;
  let anonymous: TestClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    const ds = api.app.get(DataSource);
    anonymous = new TestClient(api.baseUrl);
    const owner = await seedUser(ds, 'Owner');
    const shop = await seedProject(ds, { slug: 'shop', locales: ['pl'], ownerId: owner });
    // A glossary term the panel's glossary section must find in the source text "Home".
    await api.app.get(GlossaryService).create(owner, 'shop', { term: 'Home' });
    const strings: {
      key: string;
      kind?: 'plural';
      forms: Record<string, string>;
      removed?: boolean;
    }[] = [
      {
        key: 'items',
        kind: 'plural' as const,
        forms: { one: '{{count}} item', other: '{{count}} items' },
      },
      { key: 'nav.home', forms: { '': 'Home' } },
      { key: 'friend_male', forms: { '': 'He is a friend' } },
      { key: 'gone', forms: { '': 'Old' }, removed: true },
    ];
    for (const [position, options] of strings.entries()) {
      ids[options.key] = (await seedString(ds, shop, { ...options, position })).id;
    }
    const secret = await seedProject(ds, {
      slug: 'secret',
      visibility: 'private',
      locales: ['pl'],
    });
    await seedString(ds, secret, { key: 'hidden', position: 0 });
  });

  afterAll(async () => {
    await api.close();
  });

  const ask = (client: TestClient, vars: Record<string, string>) =>
    client.gql<ByKey>(BY_KEY, { p: 'shop', l: 'pl', n: 'translation', ...vars });

  it('finds a plural by its base key, with the forms the locale needs', async () => {
    const { data } = await ask(anonymous, { k: 'items' });
    expect(data?.stringByKey).toMatchObject({
      id: ids['items'],
      kind: 'plural',
      status: 'UNTRANSLATED',
    });
    expect(data?.stringByKey.requiredForms.map((f) => f.category)).toEqual([
      'one',
      'few',
      'many',
      'other',
    ]);
  });

  it('finds nested and context keys as i18next names them', async () => {
    expect((await ask(anonymous, { k: 'nav.home' })).data?.stringByKey.id).toBe(ids['nav.home']);
    expect((await ask(anonymous, { k: 'friend_male' })).data?.stringByKey.id).toBe(
      ids['friend_male'],
    );
  });

  it('answers STRING_NOT_FOUND for a plural form key, a retired key or another namespace', async () => {
    const code = async (vars: Record<string, string>) =>
      (await ask(anonymous, vars)).errors?.[0]?.extensions?.code;
    expect(await code({ k: 'items_one' })).toBe('STRING_NOT_FOUND');
    expect(await code({ k: 'gone' })).toBe('STRING_NOT_FOUND');
    expect(await code({ k: 'items', n: 'common' })).toBe('STRING_NOT_FOUND');
  });

  it("serves every query and mutation of the package's panel (its documents match the schema)", async () => {
    const as = (client: TestClient): ChorusClient => {
      const viaSession: FetchLike = (url, init) =>
        fetch(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), cookie: client.rawCookie ?? '' },
        });
      return new ChorusClient(api.baseUrl, viaSession);
    };
    const tina = as((await signedInClient(api.baseUrl, 'Tina')).client);
    const vic = as((await signedInClient(api.baseUrl, 'Vic')).client);
    expect(await tina.me()).toEqual({ displayName: 'Tina' });
    const string = await tina.stringByKey('shop', 'pl', 'translation', 'nav.home');
    expect(string.requiredForms).toEqual([{ category: '', examples: expect.any(String) }]);
    await tina.submit(string.id, 'pl', [{ category: '', text: 'Strona główna' }]);
    const [candidate] = (await vic.candidates(string.id, 'pl')).candidates;
    expect(candidate?.forms).toEqual([{ category: '', text: 'Strona główna' }]);
    const after = await vic.vote(candidate?.id ?? '', 1);
    expect(after.candidates[0]?.myVote).toBe(1);
    // Join on first use: not an open project, so no join is needed (and the field exists).
    expect(await vic.shouldJoin('shop', 'pl')).toBe(false);
    // The panel's glossary section: the project's term found in the source text.
    expect(await vic.glossaryHits('shop', 'pl', 'Home')).toEqual([
      { term: 'Home', translation: null, doNotTranslate: false },
    ]);
  });

  it('refuses unknown locales, invisible projects and oversized input', async () => {
    const code = async (client: TestClient, vars: Record<string, string>) =>
      (await ask(client, vars)).errors?.[0]?.extensions?.code;
    expect(await code(anonymous, { k: 'items', l: 'fr' })).toBe('UNKNOWN_LOCALE');
    const outsider = await signedInClient(api.baseUrl, 'Outsider');
    expect(await code(outsider.client, { p: 'secret', k: 'hidden' })).toBe('PROJECT_NOT_FOUND');
    expect(await code(anonymous, { k: 'x'.repeat(1001) })).toBe('BAD_USER_INPUT');
    expect(await code(anonymous, { k: 'items', n: '' })).toBe('BAD_USER_INPUT');
  });
});
