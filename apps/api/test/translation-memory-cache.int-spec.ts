import { DataSource } from 'typeorm';
import { TranslationMemoryService } from '../src/translation/translation-memory.service';
import { TestClient } from './support/graphql-client';
import { seedDecided, seedProject, seedString, seedUser } from './support/seed';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const SUGGESTIONS = `query($id: ID!, $l: String!) { suggestions(stringId: $id, locale: $l) {
  sourceText forms { text } } }`;

interface Suggestions {
  suggestions: { sourceText: string; forms: { text: string }[] }[];
}

/** The trigram search behind a suggestion list (a private method of the running service). */
type Lookup = Record<'lookup', () => Promise<unknown>>;

/**
 * A translation-memory lookup searches the project's source texts (160 ms of Postgres on a big,
 * repetitive catalogue). Each API process reuses a string's suggestions for STATS_CACHE_MS (here
 * an hour, so no step of this test outlives it), shares one lookup among concurrent callers, and
 * checks every caller's access first.
 */
describe('translation memory: reused per process (STATS_CACHE_MS)', () => {
  let api: RunningApi;
  let ds: DataSource;
  const anonymous = () => new TestClient(api.baseUrl);

  beforeAll(async () => {
    api = await startApi(testConfig({ STATS_CACHE_MS: String(3_600_000) }));
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
  });

  afterAll(() => api.close());

  it('serves a string its suggestions again, from one lookup, and still checks access', async () => {
    const project = await seedProject(ds, { slug: 'memory', locales: ['de'] });
    const saved = await seedString(ds, project, {
      key: 'save',
      position: 0,
      forms: { '': 'Save changes' },
    });
    const target = await seedString(ds, project, {
      key: 'save_all',
      position: 1,
      forms: { '': 'Save all changes' },
    });
    const later = await seedString(ds, project, {
      key: 'save_now',
      position: 2,
      forms: { '': 'Save changes now' },
    });
    const author = await seedUser(ds, 'Ada');
    await seedDecided(ds, project, saved, 'de', author, { '': 'Änderungen speichern' });
    const lookup = jest.spyOn(api.app.get(TranslationMemoryService) as unknown as Lookup, 'lookup');
    const ask = { id: target.id, l: 'de' };
    const first = await Promise.all(
      [1, 2, 3].map(() => anonymous().ok<Suggestions>(SUGGESTIONS, ask)),
    );
    expect(first.map((r) => r.suggestions.map((x) => x.sourceText))).toEqual(
      Array(3).fill(['Save changes']),
    );
    expect(lookup).toHaveBeenCalledTimes(1);

    // A decision elsewhere shows up after STATS_CACHE_MS, not before.
    await seedDecided(ds, project, later, 'de', author, { '': 'Änderungen jetzt speichern' });
    const again = await anonymous().ok<Suggestions>(SUGGESTIONS, ask);
    expect(again.suggestions.map((x) => x.sourceText)).toEqual(['Save changes']);
    expect(lookup).toHaveBeenCalledTimes(1);

    // Access first: a project made private is hidden from a visitor whatever is cached.
    await ds.query("UPDATE project SET visibility = 'private' WHERE id = $1", [project.id]);
    expect(await anonymous().errorCode(SUGGESTIONS, ask)).toBe('STRING_NOT_FOUND');
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});
