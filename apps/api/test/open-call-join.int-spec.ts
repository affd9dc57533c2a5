/**
 * Issue 18 items 1 and 2: an owner opens a project, volunteers find it on *projects that need
 * you* and join it in one call; what each viewer may do (viewerCan) follows the permission table;
 * the personal page lists their locales and candidates.
 */
import { DataSource } from 'typeorm';
import { pushCatalogue } from './support/catalogue-http';
import { TestClient, signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const CREATE_PROJECT =
  'mutation($s: String!, $v: String) { createProject(input: { slug: $s, name: $s, sourceLocale: "en", visibility: $v }) { slug } }';
const ADD_LOCALE =
  'mutation($p: String!, $c: String!) { addLocale(project: $p, code: $c) { code } }';
const SET_OPEN = `mutation($p: String!, $o: Boolean!, $h: [String!]) {
  setProjectOpen(project: $p, open: $o, helpWantedLocales: $h) { open helpWantedLocales } }`;
const JOIN = `mutation($p: String!, $l: String!) {
  joinProject(project: $p, locale: $l) { id role locale user { displayName } } }`;
const VIEWER_CAN = `query($s: String!) { project(slug: $s) {
  open viewerCan { actions managedLocales roles joinedLocales canJoin } } }`;
const NEEDS = `query($l: [String!], $f: Int, $a: String) {
  projectsThatNeedYou(languages: $l, first: $f, after: $a) {
    items { project { slug } locales { locale total untranslated voting needsDecision helpWanted } }
    endCursor } }`;
const SET_LANGUAGES = 'mutation($l: [String!]!) { setMyLanguages(languages: $l) { languages } }';
const SUBMIT =
  'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }';

interface Capabilities {
  actions: string[];
  managedLocales: string[];
  roles: string[];
  joinedLocales: string[];
  canJoin: boolean;
}

describe('open projects: opening, joining, the directory and viewer capabilities', () => {
  let api: RunningApi;
  let owner: TestClient;
  let db: DataSource;

  const capabilities = async (client: TestClient, slug: string) =>
    (await client.ok<{ project: { viewerCan: Capabilities } }>(VIEWER_CAN, { s: slug })).project
      .viewerCan;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_JOINS: '4' }));
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    for (const [slug, visibility, locales] of [
      ['alpha', 'public', ['de', 'pl']],
      ['beta', 'public', ['de', 'fr']],
      ['gamma', 'public', ['pt-BR']],
      ['closed', 'public', ['de']],
      ['secret', 'private', ['de']],
    ] as const) {
      await owner.ok(CREATE_PROJECT, { s: slug, v: visibility });
      for (const code of locales) await owner.ok(ADD_LOCALE, { p: slug, c: code });
      const pushed = await pushCatalogue(
        api.baseUrl,
        `/api/projects/${slug}/catalogues/common?locale=en`,
        JSON.stringify({ hello: 'Hello', bye: 'Bye', yes: 'Yes' }),
        { cookie: owner.rawCookie },
      );
      expect(pushed.status).toBe(200);
    }
    for (const slug of ['alpha', 'beta', 'gamma']) {
      await owner.ok(SET_OPEN, { p: slug, o: true, h: slug === 'beta' ? ['fr'] : null });
    }
  });

  afterAll(() => api.close());

  it('lets the owner open a project and name the locales that want help', async () => {
    const opened = await owner.ok<{
      setProjectOpen: { open: boolean; helpWantedLocales: string[] };
    }>(SET_OPEN, { p: 'closed', o: true, h: ['de', 'de'] });
    expect(opened.setProjectOpen).toEqual({ open: true, helpWantedLocales: ['de'] });
    const closed = await owner.ok<{
      setProjectOpen: { open: boolean; helpWantedLocales: string[] };
    }>(SET_OPEN, { p: 'closed', o: false });
    // Omitting the list keeps it.
    expect(closed.setProjectOpen).toEqual({ open: false, helpWantedLocales: ['de'] });
    const events = await db.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM event WHERE type = 'project.open_changed'",
    );
    expect(events[0]?.n).toBe(5);
  });

  it('refuses to open a private project, unknown help-wanted locales, and non-owners', async () => {
    expect(await owner.errorCode(SET_OPEN, { p: 'secret', o: true })).toBe('PRIVATE_PROJECT');
    expect(await owner.errorCode(SET_OPEN, { p: 'alpha', o: true, h: ['ja'] })).toBe(
      'LOCALE_NOT_IN_PROJECT',
    );
    expect(await owner.errorCode(SET_OPEN, { p: 'alpha', o: true, h: ['x'.repeat(40)] })).toBe(
      'BAD_USER_INPUT',
    );
    const stranger = (await signedInClient(api.baseUrl, 'stranger')).client;
    expect(await stranger.errorCode(SET_OPEN, { p: 'alpha', o: false })).toBe('FORBIDDEN');
    expect(await stranger.errorCode(SET_OPEN, { p: 'secret', o: false })).toBe('PROJECT_NOT_FOUND');
    expect(await new TestClient(api.baseUrl).errorCode(SET_OPEN, { p: 'alpha', o: false })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('joins an open project as a translator for one locale, idempotently', async () => {
    const volunteer = await signedInClient(api.baseUrl, 'Vera');
    expect(await capabilities(volunteer.client, 'alpha')).toMatchObject({
      roles: [],
      joinedLocales: [],
      canJoin: true,
    });
    const first = await volunteer.client.ok<{
      joinProject: { id: string; role: string; locale: string };
    }>(JOIN, { p: 'alpha', l: 'pl' });
    expect(first.joinProject).toMatchObject({
      role: 'translator',
      locale: 'pl',
      user: { displayName: 'Vera' },
    });
    const again = await volunteer.client.ok<{ joinProject: { id: string } }>(JOIN, {
      p: 'alpha',
      l: 'pl',
    });
    expect(again.joinProject.id).toBe(first.joinProject.id);
    const audited = await db.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM event WHERE type = 'member.joined' AND actor_id = $1",
      [volunteer.id],
    );
    expect(audited[0]?.n).toBe(1);
    const can = await capabilities(volunteer.client, 'alpha');
    expect(can).toMatchObject({ roles: ['translator'], joinedLocales: ['pl'], managedLocales: [] });
    expect(can.actions).toEqual(
      expect.arrayContaining(['member.view', 'translation.submit', 'vote.cast']),
    );
    expect(can.actions).not.toContain('member.manage');
    // The new member can submit right away.
    const [hello] = await db.query<{ id: string }[]>(
      "SELECT s.id FROM source_string s JOIN project p ON p.id = s.project_id WHERE p.slug = 'alpha' AND s.key = 'hello'",
    );
    await volunteer.client.ok(SUBMIT, {
      i: { stringId: hello?.id, locale: 'pl', forms: [{ category: '', text: 'Cześć' }] },
    });
  });

  it('refuses closed, private and unknown projects, foreign locales and visitors', async () => {
    const volunteer = (await signedInClient(api.baseUrl, 'refused')).client;
    expect(await volunteer.errorCode(JOIN, { p: 'closed', l: 'de' })).toBe('PROJECT_NOT_OPEN');
    expect(await volunteer.errorCode(JOIN, { p: 'secret', l: 'de' })).toBe('PROJECT_NOT_FOUND');
    expect(await volunteer.errorCode(JOIN, { p: 'nope', l: 'de' })).toBe('PROJECT_NOT_FOUND');
    const foreign = await volunteer.gql(JOIN, { p: 'alpha', l: 'ja' });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'LOCALE_NOT_IN_PROJECT',
      details: { locales: ['de', 'pl'] },
    });
    // The source locale is not a target locale (a second account: joins are rate-limited).
    const other = (await signedInClient(api.baseUrl, 'refused')).client;
    expect(await other.errorCode(JOIN, { p: 'alpha', l: 'en' })).toBe('LOCALE_NOT_IN_PROJECT');
    expect(await other.errorCode(JOIN, { p: 'Alpha!', l: 'de' })).toBe('BAD_USER_INPUT');
    expect(await new TestClient(api.baseUrl).errorCode(JOIN, { p: 'alpha', l: 'de' })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('keeps someone banned from the project out', async () => {
    const banned = await signedInClient(api.baseUrl, 'banned');
    await db.query(
      `INSERT INTO project_ban (project_id, user_id, reason)
       SELECT id, $1, 'spam' FROM project WHERE slug = 'alpha'`,
      [banned.id],
    );
    expect(await banned.client.errorCode(JOIN, { p: 'alpha', l: 'de' })).toBe('PROJECT_BANNED');
    const can = await capabilities(banned.client, 'alpha');
    expect(can.canJoin).toBe(false);
    expect(can.actions).not.toContain('translation.submit');
    // The pages say why, and until when (a ban with no end says so by null).
    const BAN = 'query($s: String!) { project(slug: $s) { viewerCan { banned bannedUntil } } }';
    type Ban = { project: { viewerCan: { banned: boolean; bannedUntil: string | null } } };
    expect((await banned.client.ok<Ban>(BAN, { s: 'alpha' })).project.viewerCan).toEqual({
      banned: true,
      bannedUntil: null,
    });
    await db.query(
      `INSERT INTO project_ban (project_id, user_id, reason, expires_at)
       SELECT id, $1, 'spam', '2099-01-31T00:00:00Z' FROM project WHERE slug = 'beta'`,
      [banned.id],
    );
    expect((await banned.client.ok<Ban>(BAN, { s: 'beta' })).project.viewerCan).toEqual({
      banned: true,
      bannedUntil: '2099-01-31T00:00:00.000Z',
    });
    expect((await owner.ok<Ban>(BAN, { s: 'alpha' })).project.viewerCan.banned).toBe(false);
  });

  it('rate-limits joins per account', async () => {
    const eager = (await signedInClient(api.baseUrl, 'eager')).client;
    const outcomes: (string | undefined)[] = [];
    for (const [p, l] of [
      ['alpha', 'de'],
      ['alpha', 'pl'],
      ['beta', 'de'],
      ['beta', 'fr'],
      ['gamma', 'pt-BR'],
    ]) {
      outcomes.push(await eager.errorCode(JOIN, { p, l }));
    }
    expect(outcomes).toEqual([undefined, undefined, undefined, undefined, 'RATE_LIMITED']);
  });

  it('derives viewerCan from the permission table for owners, managers and visitors', async () => {
    const ownerCan = await capabilities(owner, 'alpha');
    expect(ownerCan.roles).toEqual(['owner']);
    expect(ownerCan.managedLocales).toEqual(['de', 'pl']);
    expect(ownerCan.actions).toEqual(
      expect.arrayContaining([
        'project.update',
        'member.manage',
        'token.manage',
        'candidate.approve',
      ]),
    );
    const manager = await signedInClient(api.baseUrl, 'manager');
    await owner.ok(
      'mutation($e: String!) { addMember(project: "alpha", email: $e, role: language_manager, locale: "de") { id } }',
      { e: manager.email },
    );
    const managerCan = await capabilities(manager.client, 'alpha');
    expect(managerCan.managedLocales).toEqual(['de']);
    expect(managerCan.actions).toContain('candidate.approve');
    expect(managerCan.actions).not.toContain('project.update');
    const visitor = await capabilities(new TestClient(api.baseUrl), 'alpha');
    expect(visitor).toEqual({
      actions: [],
      managedLocales: [],
      roles: [],
      joinedLocales: [],
      canJoin: false,
    });
    expect((await capabilities(owner, 'closed')).canJoin).toBe(false);
  });

  it("lists open projects in the viewer's languages with what each locale misses, in pages", async () => {
    const reader = (await signedInClient(api.baseUrl, 'reader')).client;
    expect(
      (
        await reader.ok<{ setMyLanguages: { languages: string[] } }>(SET_LANGUAGES, {
          l: ['fr', 'pt', 'fr'],
        })
      ).setMyLanguages.languages,
    ).toEqual(['fr', 'pt']);
    type Page = {
      projectsThatNeedYou: {
        items: { project: { slug: string }; locales: Record<string, unknown>[] }[];
        endCursor: string | null;
      };
    };
    const mine = await reader.ok<Page>(NEEDS, {});
    expect(mine.projectsThatNeedYou.items.map((i) => i.project.slug)).toEqual(['beta', 'gamma']);
    expect(mine.projectsThatNeedYou.items[0]?.locales).toEqual([
      { locale: 'fr', total: 3, untranslated: 3, voting: 0, needsDecision: 0, helpWanted: true },
    ]);
    // "pt" matches "pt-BR".
    expect(mine.projectsThatNeedYou.items[1]?.locales).toMatchObject([{ locale: 'pt-BR' }]);

    const first = await reader.ok<Page>(NEEDS, { l: ['de', 'pl'], f: 1 });
    expect(first.projectsThatNeedYou.items.map((i) => i.project.slug)).toEqual(['alpha']);
    expect(first.projectsThatNeedYou.items[0]?.locales).toEqual([
      { locale: 'de', total: 3, untranslated: 3, voting: 0, needsDecision: 0, helpWanted: false },
      { locale: 'pl', total: 3, untranslated: 2, voting: 1, needsDecision: 0, helpWanted: false },
    ]);
    const second = await reader.ok<Page>(NEEDS, {
      l: ['de', 'pl'],
      f: 1,
      a: first.projectsThatNeedYou.endCursor,
    });
    expect(second.projectsThatNeedYou.items.map((i) => i.project.slug)).toEqual(['beta']);
    expect(second.projectsThatNeedYou.endCursor).toBeNull();
    // Closed and private projects never appear.
    const all = await reader.ok<Page>(NEEDS, { l: [] });
    expect(all.projectsThatNeedYou.items.map((i) => i.project.slug)).toEqual([
      'alpha',
      'beta',
      'gamma',
    ]);
  });

  it('bounds and validates the directory and language inputs', async () => {
    const reader = (await signedInClient(api.baseUrl, 'bounds')).client;
    expect(await reader.errorCode(NEEDS, { f: 51 })).toBe('BAD_USER_INPUT');
    expect(await reader.errorCode(NEEDS, { l: Array.from({ length: 51 }, () => 'de') })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await reader.errorCode(SET_LANGUAGES, { l: ['not a code!'] })).toBe('INVALID_LANGUAGES');
    expect(await new TestClient(api.baseUrl).errorCode(NEEDS, {})).toBe('UNAUTHENTICATED');
  });

  it("shows a volunteer's own locales, candidates and their state on the personal page", async () => {
    const me = await signedInClient(api.baseUrl, 'Paula');
    await me.client.ok(JOIN, { p: 'beta', l: 'fr' });
    const strings = await db.query<{ id: string; key: string }[]>(
      "SELECT s.id, s.key FROM source_string s JOIN project p ON p.id = s.project_id WHERE p.slug = 'beta' ORDER BY s.key",
    );
    for (const s of strings) {
      await me.client.ok(SUBMIT, {
        i: { stringId: s.id, locale: 'fr', forms: [{ category: '', text: `FR ${s.key}` }] },
      });
    }
    const work = await me.client.ok<{ myWork: Record<string, unknown> }>(
      'query { myWork { locales { project projectName locale role } candidates votes wins } }',
    );
    expect(work.myWork).toEqual({
      locales: [{ project: 'beta', projectName: 'beta', locale: 'fr', role: 'translator' }],
      candidates: 3,
      votes: 0,
      wins: 0,
    });
    const PAGE = `query($a: String) { myCandidates(first: 2, after: $a) {
      items { key locale project text state } endCursor } }`;
    type Page = {
      myCandidates: { items: { key: string; state: string }[]; endCursor: string | null };
    };
    const page1 = await me.client.ok<Page>(PAGE, {});
    const page2 = await me.client.ok<Page>(PAGE, { a: page1.myCandidates.endCursor });
    const keys = [...page1.myCandidates.items, ...page2.myCandidates.items].map((i) => i.key);
    expect(keys.sort()).toEqual(['bye', 'hello', 'yes']);
    expect(page1.myCandidates.items[0]?.state).toBe('VOTING');
    expect(page2.myCandidates.endCursor).toBeNull();
    expect(await me.client.errorCode(PAGE, { a: 'garbage' })).toBe('BAD_USER_INPUT');
  });
});
