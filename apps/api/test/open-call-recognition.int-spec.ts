/**
 * Issue 18 items 6 and 7: the leaderboard counts everyone who contributed, owners export
 * contributor credits, and owners set per-locale goals shown with progress and days left.
 */
import { DataSource } from 'typeorm';
import { pushCatalogue } from './support/catalogue-http';
import { TestClient, signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const SET_GOAL = `mutation($p: String!, $l: String!, $t: Int, $d: String) {
  setLocaleGoal(project: $p, locale: $l, targetPercent: $t, dueDate: $d) {
    locale targetPercent dueDate coverage daysLeft reached } }`;
const GOALS = 'query { project(slug: "demo") { goals { locale targetPercent dueDate coverage } } }';
const SUBMIT =
  'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }';

function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('recognition and goals', () => {
  let api: RunningApi;
  let owner: TestClient;
  let translator: { client: TestClient; id: string };
  let db: DataSource;

  const credits = async (path: string, cookie: string | null) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: cookie === null ? {} : { cookie },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    await owner.ok(
      'mutation { createProject(input: { slug: "demo", name: "Demo", sourceLocale: "en" }) { slug } }',
    );
    for (const c of ['de', 'pl']) {
      await owner.ok('mutation($c: String!) { addLocale(project: "demo", code: $c) { code } }', {
        c,
      });
    }
    const strings: Record<string, string> = {};
    for (let i = 1; i <= 6; i += 1) strings[`s${i}`] = `String ${i}`;
    const pushed = await pushCatalogue(
      api.baseUrl,
      '/api/projects/demo/catalogues/common?locale=en',
      JSON.stringify(strings),
      { cookie: owner.rawCookie },
    );
    expect(pushed.status).toBe(200);
    // A translator with six candidates and no decided round yet.
    translator = await signedInClient(api.baseUrl, 'six');
    // A display name a spreadsheet would run as a formula, with quotes to escape.
    await db.query(`UPDATE "user" SET display_name = '=Six "Candidates"' WHERE id = $1`, [
      translator.id,
    ]);
    const ids = await db.query<{ id: string }[]>('SELECT id FROM source_string ORDER BY key');
    for (const { id } of ids) {
      await translator.client.ok(SUBMIT, {
        i: { stringId: id, locale: 'de', forms: [{ category: '', text: `DE ${id.slice(0, 4)}` }] },
      });
    }
  });

  afterAll(() => api.close());

  it('puts a translator with six open candidates on the leaderboard', async () => {
    const { leaderboard } = await new TestClient(api.baseUrl).ok<{
      leaderboard: Record<string, unknown>[];
    }>(
      'query { leaderboard(project: "demo", locale: "de") { user { id } accepted candidates votes badges } }',
    );
    expect(leaderboard).toEqual([
      {
        user: { id: translator.id },
        accepted: 0,
        candidates: 6,
        votes: 0,
        badges: ['FIRST_TRANSLATION'],
      },
    ]);
  });

  it('exports credits as CSV and Markdown to owners only', async () => {
    const csv = await credits('/api/projects/demo/contributors.csv', owner.rawCookie);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.text).toBe(
      '"name","locales","candidates","wins","votes"\r\n"\'=Six ""Candidates""","de","6","0","0"\r\n',
    );
    const md = await credits('/api/projects/demo/contributors.md?locale=de', owner.rawCookie);
    expect(md.status).toBe(200);
    expect(md.type).toContain('text/markdown');
    expect(md.text).toContain('## Demo \\(de\\): contributors');
    expect(md.text).toContain('- =Six "Candidates" (de): 0 won, 6 written, 0 votes');
    const empty = await credits('/api/projects/demo/contributors.md?locale=pl', owner.rawCookie);
    expect(empty.text).toContain('_No contributors yet._');

    expect((await credits('/api/projects/demo/contributors.csv', null)).status).toBe(401);
    expect(
      (await credits('/api/projects/demo/contributors.csv', translator.client.rawCookie)).status,
    ).toBe(403);
    expect((await credits('/api/projects/demo/contributors.pdf', owner.rawCookie)).status).toBe(
      404,
    );
    expect(
      (await credits('/api/projects/demo/contributors.csv?locale=ja', owner.rawCookie)).status,
    ).toBe(400);
    expect(
      (await credits('/api/projects/demo/contributors.csv?locale=de&locale=pl', owner.rawCookie))
        .status,
    ).toBe(400);
    expect((await credits('/api/projects/nope/contributors.csv', owner.rawCookie)).status).toBe(
      404,
    );
  });

  it('sets, shows and removes a goal per locale with progress and days left', async () => {
    const due = dayFromNow(30);
    const set = await owner.ok<{ setLocaleGoal: Record<string, unknown> }>(SET_GOAL, {
      p: 'demo',
      l: 'de',
      t: 100,
      d: due,
    });
    expect(set.setLocaleGoal).toMatchObject({
      locale: 'de',
      targetPercent: 100,
      dueDate: due,
      coverage: 0,
      reached: false,
    });
    expect(set.setLocaleGoal['daysLeft']).toBeGreaterThanOrEqual(30);
    // Setting again replaces the goal.
    await owner.ok(SET_GOAL, { p: 'demo', l: 'de', t: 80, d: due });
    expect((await owner.ok<{ project: { goals: unknown[] } }>(GOALS)).project.goals).toEqual([
      { locale: 'de', targetPercent: 80, dueDate: due, coverage: 0 },
    ]);
    const removed = await owner.ok<{ setLocaleGoal: null }>(SET_GOAL, { p: 'demo', l: 'de' });
    expect(removed.setLocaleGoal).toBeNull();
    expect((await owner.ok<{ project: { goals: unknown[] } }>(GOALS)).project.goals).toEqual([]);
    const audited = await db.query<{ type: string }[]>(
      "SELECT type FROM event WHERE type LIKE 'goal.%' ORDER BY id",
    );
    expect(audited.map((e) => e.type)).toEqual(['goal.set', 'goal.set', 'goal.removed']);
  });

  it('refuses bad goals and non-owners', async () => {
    const code = (client: TestClient, vars: Record<string, unknown>) =>
      client.errorCode(SET_GOAL, { p: 'demo', l: 'de', t: 50, d: dayFromNow(10), ...vars });
    expect(await code(owner, { d: dayFromNow(-2) })).toBe('INVALID_GOAL');
    expect(await code(owner, { d: '2027-02-30' })).toBe('BAD_USER_INPUT');
    expect(await code(owner, { d: null })).toBe('INVALID_GOAL');
    expect(await code(owner, { t: 0 })).toBe('BAD_USER_INPUT');
    expect(await code(owner, { t: 101 })).toBe('BAD_USER_INPUT');
    expect(await code(owner, { l: 'ja' })).toBe('LOCALE_NOT_IN_PROJECT');
    expect(await code(translator.client, {})).toBe('FORBIDDEN');
    expect(await code(new TestClient(api.baseUrl), {})).toBe('UNAUTHENTICATED');
  });
});
