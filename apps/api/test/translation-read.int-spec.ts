import { scoreOf } from '@chorus/voting';
import { DataSource } from 'typeorm';
import { TestClient, signedInClient } from './support/graphql-client';
import {
  addMember,
  changeSource,
  seedCandidate,
  seedDecided,
  seedLedger,
  seedProject,
  seedRound,
  seedString,
  seedUnit,
  seedUser,
  seedVote,
  type SeededProject,
  type SeededString,
} from './support/seed';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const STRINGS = `query($p: String!, $l: String!, $f: StringFilter, $s: String, $n: Int, $a: String) {
  strings(project: $p, locale: $l, filter: $f, search: $s, first: $n, after: $a) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key status } } } }`;
const STRING = `query($id: ID!, $l: String!) { string(id: $id, locale: $l) {
  id namespace key kind context description maxLength sourceHash locale status candidateCount locked
  sourceForms { category text } requiredForms { category examples }
  winner { id forms { category text } author { displayName } tally { score } isMine }
  round { number state reasons decision { decided winnerId reasons summary
    candidates { candidateId rank score wPlus upvoters winner } } } } }`;
const CANDIDATES = `query($id: ID!, $l: String!) { candidates(stringId: $id, locale: $l) {
  stringId locale hasVoted round { state }
  candidates { id status eligible isMine myVote author { displayName }
    tally { wPlus wMinus upvoters downvoters score upperBound } forms { category text } findings { code } } } }`;
const SUGGESTIONS = `query($id: ID!, $l: String!) { suggestions(stringId: $id, locale: $l) {
  sourceText similarity forms { category text } } }`;

interface Edge {
  cursor: string;
  node: { key: string; status: string };
}
interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
}
interface CandidateView {
  id: string;
  status: string;
  eligible: boolean;
  isMine: boolean;
  myVote: number | null;
  author: { displayName: string } | null;
  tally: {
    wPlus: number;
    wMinus: number;
    upvoters: number;
    downvoters: number;
    score: number;
  } | null;
}
interface CandidateListView {
  hasVoted: boolean;
  round: { state: string } | null;
  candidates: CandidateView[];
}

describe('translation read side: strings, candidates, suggestions, progress', () => {
  let api: RunningApi;
  let ds: DataSource;
  let project: SeededProject;
  let anonymous: TestClient;
  let alice: { client: TestClient; id: string };
  let voter: { client: TestClient; id: string };
  let manager: { client: TestClient; id: string };
  const s: Record<string, SeededString> = {};
  const c: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    anonymous = new TestClient(api.baseUrl);
    [alice, voter, manager] = await Promise.all([
      signedInClient(api.baseUrl, 'Alice'),
      signedInClient(api.baseUrl, 'Voter'),
      signedInClient(api.baseUrl, 'Manager'),
    ]);
    const bob = await seedUser(ds, 'Bob');
    const banned = await seedUser(ds, 'Banned');
    await ds.query('UPDATE "user" SET banned_at = now() WHERE id = $1', [banned]);
    project = await seedProject(ds, { slug: 'shop', locales: ['de', 'pl'] });
    await addMember(ds, project.id, manager.id, 'language_manager', 'de');

    s['greeting'] = await seedString(ds, project, {
      key: 'greeting',
      position: 0,
      forms: { '': 'Hello world' },
    });
    s['items'] = await seedString(ds, project, {
      key: 'items',
      position: 1,
      kind: 'plural',
      forms: { one: '{{count}} item', other: '{{count}} items' },
      description: 'Cart badge',
    });
    s['save'] = await seedString(ds, project, {
      key: 'save',
      position: 2,
      forms: { '': 'Save changes' },
    });
    s['save_all'] = await seedString(ds, project, {
      key: 'save_all',
      position: 3,
      forms: { '': 'Save all changes' },
    });
    s['cancel'] = await seedString(ds, project, {
      key: 'cancel',
      position: 4,
      forms: { '': 'Cancel changes' },
    });
    s['title'] = await seedString(ds, project, {
      key: 'title',
      position: 5,
      forms: { '': 'Old title' },
    });
    s['gone'] = await seedString(ds, project, {
      key: 'gone',
      position: 6,
      forms: { '': 'Save my changes' },
      removed: true,
    });

    // items/de: two active candidates and a withdrawn one, voting in a COLLECTING round.
    const itemsUnit = await seedUnit(ds, project, s['items'].id, 'de');
    c['a'] = await seedCandidate(ds, {
      unitId: itemsUnit,
      authorId: alice.id,
      sourceHash: s['items'].sourceHash,
      forms: { other: '{{count}} Artikel', one: '{{count}} Artikel' },
      findings: [{ code: 'W_SAME_AS_SOURCE', severity: 'warning', form: 'one', message: 'same' }],
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    c['b'] = await seedCandidate(ds, {
      unitId: itemsUnit,
      authorId: bob,
      sourceHash: s['items'].sourceHash,
      forms: { one: '{{count}} Stück', other: '{{count}} Stücke' },
      blockingErrors: ['E_PLACEHOLDER_MISSING'],
      createdAt: new Date('2026-01-02T00:00:00Z'),
    });
    c['withdrawn'] = await seedCandidate(ds, {
      unitId: itemsUnit,
      authorId: bob,
      sourceHash: s['items'].sourceHash,
      forms: { one: 'x', other: 'y' },
      status: 'withdrawn',
    });
    await seedRound(ds, {
      unitId: itemsUnit,
      sourceHash: s['items'].sourceHash,
      state: 'COLLECTING',
    });
    await seedVote(ds, { translationId: c['b'], voterId: manager.id, value: -1, weight: 0.5 });
    await seedVote(ds, { translationId: c['a'], voterId: banned, value: 1, weight: 1 });

    // save, cancel: decided; title: decided, then its source changed (stale); gone: removed.
    const saved = await seedDecided(ds, project, s['save'], 'de', alice.id, {
      '': 'Änderungen speichern',
    });
    c['save'] = saved.candidateId;
    await ds.query('UPDATE round SET decision = $2 WHERE id = $1', [
      saved.roundId,
      {
        outcome: 'DECIDED',
        winnerId: saved.candidateId,
        reasons: [],
        candidates: [
          {
            candidateId: saved.candidateId,
            rank: 1,
            wPlus: 3,
            wMinus: 0,
            score: 0.56,
            upperBound: 1,
            upvoters: 3,
            downvoters: 0,
            upvoterIds: ['x'],
            isWinner: true,
          },
          { candidateId: 'other', rank: 2, wPlus: 0, wMinus: 1, score: 0, upperBound: 0.7 },
          'garbage',
        ],
      },
    ]);
    await seedDecided(ds, project, s['cancel'], 'de', bob, { '': 'Änderungen verwerfen' });
    await seedDecided(ds, project, s['title'], 'de', bob, { '': 'Alter Titel' });
    s['title'] = {
      ...s['title'],
      sourceHash: await changeSource(ds, s['title'].id, { '': 'New title' }),
    };
    await seedDecided(ds, project, s['gone'], 'de', bob, { '': 'Meine Änderungen speichern' });

    // Leaderboard: alice won twice, the voter agreed 100 times (gold rounds count double).
    await seedLedger(ds, {
      userId: alice.id,
      kind: 'translator',
      projectId: project.id,
      locale: 'de',
      accepted: 2,
    });
    await seedLedger(ds, {
      userId: voter.id,
      kind: 'voter',
      projectId: project.id,
      locale: 'de',
      agree: 100,
      disagree: 4,
    });
    await seedLedger(ds, {
      userId: bob,
      kind: 'translator',
      projectId: project.id,
      locale: 'de',
      accepted: 1,
    });
    await seedLedger(ds, {
      userId: bob,
      kind: 'translator',
      projectId: project.id,
      locale: 'pl',
      accepted: 9,
    });
  });

  afterAll(() => api.close());

  const list = (client: TestClient, vars: Record<string, unknown>) =>
    client.ok<{ strings: Connection }>(STRINGS, { p: 'shop', l: 'de', ...vars });
  const keys = (conn: Connection) => conn.edges.map((e) => e.node.key);

  it('pages through live strings in catalogue order with statuses, anonymously', async () => {
    const first = (await list(anonymous, { n: 4 })).strings;
    expect(first.totalCount).toBe(6);
    expect(first.edges.map((e) => [e.node.key, e.node.status])).toEqual([
      ['greeting', 'UNTRANSLATED'],
      ['items', 'VOTING'],
      ['save', 'DECIDED'],
      ['save_all', 'UNTRANSLATED'],
    ]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[3]?.cursor });
    const second = (await list(anonymous, { n: 4, a: first.pageInfo.endCursor })).strings;
    expect(second.edges.map((e) => [e.node.key, e.node.status])).toEqual([
      ['cancel', 'DECIDED'],
      ['title', 'STALE'],
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(6);
  });

  it('filters by status and by authorship (MINE)', async () => {
    expect(keys((await list(anonymous, { f: 'UNTRANSLATED' })).strings)).toEqual([
      'greeting',
      'save_all',
    ]);
    expect(keys((await list(anonymous, { f: 'NEEDS_VOTES' })).strings)).toEqual(['items']);
    expect(keys((await list(anonymous, { f: 'DECIDED' })).strings)).toEqual(['save', 'cancel']);
    expect(keys((await list(anonymous, { f: 'STALE' })).strings)).toEqual(['title']);
    expect(keys((await list(alice.client, { f: 'MINE' })).strings)).toEqual(['items', 'save']);
    expect(keys((await list(alice.client, { l: 'pl', f: 'UNTRANSLATED' })).strings)).toHaveLength(
      6,
    );
  });

  it('searches key and source text, case-insensitively, with LIKE wildcards taken literally', async () => {
    expect(keys((await list(anonymous, { s: 'SAVE' })).strings)).toEqual(['save', 'save_all']);
    expect(keys((await list(anonymous, { s: 'changes', f: 'DECIDED' })).strings)).toEqual([
      'save',
      'cancel',
    ]);
    expect(keys((await list(anonymous, { s: 'ITEM' })).strings)).toEqual(['items']);
    expect((await list(anonymous, { s: '%' })).strings.totalCount).toBe(0);
    // A typo still finds the word (pg_trgm word similarity).
    expect(keys((await list(anonymous, { s: 'changs', f: 'DECIDED' })).strings)).toEqual([
      'save',
      'cancel',
    ]);
    expect((await list(anonymous, { s: 'e_a' })).strings.edges.map((e) => e.node.key)).toEqual([
      'save_all',
    ]);
  });

  it('refuses bad list requests with codes', async () => {
    expect(await anonymous.errorCode(STRINGS, { p: 'nope', l: 'de' })).toBe('PROJECT_NOT_FOUND');
    expect(await anonymous.errorCode(STRINGS, { p: 'shop', l: 'fr' })).toBe('UNKNOWN_LOCALE');
    expect(await anonymous.errorCode(STRINGS, { p: 'shop', l: 'de', f: 'MINE' })).toBe(
      'UNAUTHENTICATED',
    );
    expect(await anonymous.errorCode(STRINGS, { p: 'shop', l: 'de', a: 'bm9wZQ' })).toBe(
      'INVALID_CURSOR',
    );
    expect(await anonymous.errorCode(STRINGS, { p: 'shop', l: 'de', n: 0 })).toBe('BAD_USER_INPUT');
    expect(await anonymous.errorCode(STRINGS, { p: 'shop', l: 'de', n: 201 })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('shows one string with its required forms for the locale, plural examples included', async () => {
    const { string } = await anonymous.ok<{ string: Record<string, unknown> }>(STRING, {
      id: s['items']!.id,
      l: 'pl',
    });
    expect(string).toMatchObject({
      id: s['items']!.id,
      namespace: 'translation',
      key: 'items',
      kind: 'plural',
      context: null,
      description: 'Cart badge',
      maxLength: null,
      sourceHash: s['items']!.sourceHash,
      locale: 'pl',
      status: 'UNTRANSLATED',
      candidateCount: 0,
      locked: false,
      winner: null,
      round: null,
      sourceForms: [
        { category: 'one', text: '{{count}} item' },
        { category: 'other', text: '{{count}} items' },
      ],
    });
    expect(string['requiredForms']).toEqual([
      { category: 'one', examples: '1' },
      { category: 'few', examples: '2–4, 22–24, 32–34, 42–44, 52–54, …' },
      { category: 'many', examples: '0, 5–21, 25–31, 35–41, 45–51, …' },
      { category: 'other', examples: '0.0, 1.0, 1.5, 10.0, …' },
    ]);
    const simple = await anonymous.ok<{
      string: { requiredForms: unknown; candidateCount: number; status: string };
    }>(STRING, { id: s['items']!.id, l: 'de' });
    expect(simple.string).toMatchObject({ status: 'VOTING', candidateCount: 2 });
  });

  it('shows a decided string with its credited winner and "why this won", mapped defensively', async () => {
    const { string } = await voter.client.ok<{ string: Record<string, unknown> }>(STRING, {
      id: s['save']!.id,
      l: 'de',
    });
    expect(string['requiredForms']).toEqual([{ category: '', examples: '' }]);
    expect(string['winner']).toEqual({
      id: c['save'],
      forms: [{ category: '', text: 'Änderungen speichern' }],
      author: { displayName: 'Alice' },
      tally: null,
      isMine: false,
    });
    expect(string['round']).toEqual({
      number: 1,
      state: 'DECIDED',
      reasons: [],
      decision: {
        decided: true,
        winnerId: c['save'],
        reasons: [],
        summary:
          'Chosen with score 0.56 from 3 upvote(s) and 0 downvote(s), 0.56 ahead of the next.',
        candidates: [
          { candidateId: c['save'], rank: 1, score: 0.56, wPlus: 3, upvoters: 3, winner: true },
          { candidateId: 'other', rank: 2, score: 0, wPlus: 0, upvoters: 0, winner: false },
        ],
      },
    });
    const stale = await anonymous.ok<{ string: { status: string; winner: unknown } }>(STRING, {
      id: s['title']!.id,
      l: 'de',
    });
    expect(stale.string).toMatchObject({ status: 'STALE', winner: null });
  });

  it('refuses unknown, malformed and invisible strings, and unknown locales', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await anonymous.errorCode(STRING, { id: missing, l: 'de' })).toBe('STRING_NOT_FOUND');
    expect(await anonymous.errorCode(STRING, { id: 'not-a-uuid', l: 'de' })).toBe('BAD_USER_INPUT');
    expect(await anonymous.errorCode(STRING, { id: s['save']!.id, l: 'xx' })).toBe(
      'UNKNOWN_LOCALE',
    );
    expect(await anonymous.errorCode(CANDIDATES, { id: missing, l: 'de' })).toBe(
      'STRING_NOT_FOUND',
    );
    expect(await anonymous.errorCode(SUGGESTIONS, { id: missing, l: 'de' })).toBe(
      'STRING_NOT_FOUND',
    );
  });

  it('hides a private project from strangers and shows it to members', async () => {
    const secret = await seedProject(ds, {
      slug: 'secret',
      visibility: 'private',
      ownerId: alice.id,
    });
    const hidden = await seedString(ds, secret, {
      key: 'k',
      position: 0,
      forms: { '': 'Secret text' },
    });
    for (const client of [anonymous, voter.client]) {
      expect(await client.errorCode(STRINGS, { p: 'secret', l: 'de' })).toBe('PROJECT_NOT_FOUND');
      expect(await client.errorCode(STRINGS, { p: 'secret', l: 'xx' })).toBe('PROJECT_NOT_FOUND');
      expect(await client.errorCode(STRING, { id: hidden.id, l: 'de' })).toBe('STRING_NOT_FOUND');
      // Its locales are not revealed either: an unknown one answers as the string does.
      expect(await client.errorCode(STRING, { id: hidden.id, l: 'xx' })).toBe('STRING_NOT_FOUND');
      expect(await client.errorCode(CANDIDATES, { id: hidden.id, l: 'de' })).toBe(
        'STRING_NOT_FOUND',
      );
      expect(await client.errorCode(SUGGESTIONS, { id: hidden.id, l: 'de' })).toBe(
        'STRING_NOT_FOUND',
      );
      expect(await client.errorCode('query { localeStats(project: "secret") { locale } }')).toBe(
        'PROJECT_NOT_FOUND',
      );
      expect(
        await client.errorCode(
          'query { leaderboard(project: "secret", locale: "de") { accepted } }',
        ),
      ).toBe('PROJECT_NOT_FOUND');
    }
    expect((await list(alice.client, { p: 'secret' })).strings.totalCount).toBe(1);
    expect(await alice.client.errorCode(STRINGS, { p: 'secret', l: 'xx' })).toBe('UNKNOWN_LOCALE');
    expect(
      await alice.client.ok('query { leaderboard(project: "secret", locale: "de") { accepted } }'),
    ).toEqual({ leaderboard: [] });
    expect(
      (await alice.client.ok<{ string: { key: string } }>(STRING, { id: hidden.id, l: 'de' }))
        .string.key,
    ).toBe('k');
    expect(
      (
        await alice.client.ok<{ candidates: CandidateListView }>(CANDIDATES, {
          id: hidden.id,
          l: 'de',
        })
      ).candidates.candidates,
    ).toEqual([]);
    expect(await alice.client.errorCode(CANDIDATES, { id: hidden.id, l: 'xx' })).toBe(
      'UNKNOWN_LOCALE',
    );
  });

  describe('blind voting', () => {
    const candidatesAs = async (client: TestClient) =>
      (
        await client.ok<{ candidates: CandidateListView }>(CANDIDATES, {
          id: s['items']!.id,
          l: 'de',
        })
      ).candidates;
    const byId = (view: CandidateListView) => new Map(view.candidates.map((x) => [x.id, x]));

    it('hides authors and tallies from anonymous readers and from voters who have not voted', async () => {
      for (const client of [anonymous, voter.client]) {
        const view = await candidatesAs(client);
        expect(view.hasVoted).toBe(false);
        expect(view.round).toEqual({ state: 'COLLECTING' });
        expect(view.candidates.map((x) => x.id)).toEqual([c['a'], c['b']]);
        for (const candidate of view.candidates) {
          expect(candidate).toMatchObject({
            author: null,
            tally: null,
            myVote: null,
            isMine: false,
          });
        }
      }
      const view = byId(await candidatesAs(voter.client));
      expect(view.get(c['a']!)).toMatchObject({ status: 'ACTIVE', eligible: true });
      expect(view.get(c['b']!)).toMatchObject({ status: 'ACTIVE', eligible: false });
    });

    it("shows authors their own candidate's author and tally, and their withdrawn ones, but not others'", async () => {
      const view = byId(await candidatesAs(alice.client));
      expect(view.get(c['a']!)).toMatchObject({
        isMine: true,
        author: { displayName: 'Alice' },
        tally: { upvoters: 0, downvoters: 0, wPlus: 0 },
      });
      expect(view.get(c['b']!)).toMatchObject({ isMine: false, author: null, tally: null });
      expect(view.has(c['withdrawn']!)).toBe(false);
    });

    it('shows managers of the locale everything, withdrawn candidates included', async () => {
      const view = await candidatesAs(manager.client);
      expect(view.candidates.map((x) => x.id)).toEqual([c['a'], c['b'], c['withdrawn']]);
      expect(byId(view).get(c['b']!)).toMatchObject({
        author: { displayName: 'Bob' },
        myVote: -1,
        tally: { wPlus: 0, wMinus: 0.5, upvoters: 0, downvoters: 1 },
      });
    });

    it('reveals authors and tallies once the viewer has voted, counting only counted votes', async () => {
      await seedVote(ds, { translationId: c['a']!, voterId: voter.id, value: 1, weight: 0.8 });
      const view = await candidatesAs(voter.client);
      expect(view.hasVoted).toBe(true);
      const a = byId(view).get(c['a']!);
      // The banned voter's upvote does not count; z is the round's snapshot (1.96).
      const expected = scoreOf([{ value: 1, weight: 0.8 }], 1.96);
      expect(a).toMatchObject({ myVote: 1, author: { displayName: 'Alice' } });
      expect(a?.tally).toEqual({
        wPlus: 0.8,
        wMinus: 0,
        upvoters: 1,
        downvoters: 0,
        score: expected.score,
        upperBound: expected.upperBound,
      });
      expect(byId(view).get(c['b']!)).toMatchObject({
        author: { displayName: 'Bob' },
        myVote: null,
      });
      // Other readers stay blind.
      expect((await candidatesAs(anonymous)).candidates[0]?.tally).toBeNull();
    });

    it('returns an empty list for a string nobody has translated in the locale', async () => {
      const view = await anonymous.ok<{
        candidates: CandidateListView & { stringId: string; locale: string };
      }>(CANDIDATES, { id: s['greeting']!.id, l: 'de' });
      expect(view.candidates).toEqual({
        stringId: s['greeting']!.id,
        locale: 'de',
        hasVoted: false,
        round: null,
        candidates: [],
      });
    });
  });

  it('suggests decided, current winners of similar strings, best first, at most five', async () => {
    const { suggestions } = await anonymous.ok<{
      suggestions: { sourceText: string; similarity: number; forms: { text: string }[] }[];
    }>(SUGGESTIONS, { id: s['save_all']!.id, l: 'de' });
    expect(suggestions[0]).toMatchObject({
      sourceText: 'Save changes',
      forms: [{ category: '', text: 'Änderungen speichern' }],
    });
    const texts = suggestions.map((x) => x.sourceText);
    // The removed string's winner is still memory; the stale and the undecided ones are not.
    expect(texts).toContain('Save my changes');
    expect(texts).not.toContain('Save all changes');
    expect(texts).not.toContain('New title');
    expect(suggestions.length).toBeLessThanOrEqual(5);
    const scores = suggestions.map((x) => x.similarity);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0.3);
    expect(
      (
        await anonymous.ok<{ suggestions: unknown[] }>(SUGGESTIONS, {
          id: s['save_all']!.id,
          l: 'pl',
        })
      ).suggestions,
    ).toEqual([]);
  });

  it('counts every target locale in localeStats (source locale and removed strings left out)', async () => {
    const { localeStats } = await anonymous.ok<{ localeStats: Record<string, unknown>[] }>(
      'query { localeStats(project: "shop") { locale total untranslated voting decided stale coverage } }',
    );
    expect(localeStats).toEqual([
      { locale: 'de', total: 6, untranslated: 2, voting: 1, decided: 2, stale: 1, coverage: 33.33 },
      { locale: 'pl', total: 6, untranslated: 6, voting: 0, decided: 0, stale: 0, coverage: 0 },
    ]);
    expect(await anonymous.errorCode('query { localeStats(project: "nope") { locale } }')).toBe(
      'PROJECT_NOT_FOUND',
    );
  });

  it('ranks the leaderboard of one locale with reliability and badges', async () => {
    const { leaderboard } = await anonymous.ok<{ leaderboard: Record<string, unknown>[] }>(
      'query { leaderboard(project: "shop", locale: "de") { user { displayName } accepted agree disagree reliability badges } }',
    );
    expect(leaderboard).toEqual([
      {
        user: { displayName: 'Alice' },
        accepted: 2,
        agree: 0,
        disagree: 0,
        reliability: 0.5,
        badges: ['FIRST_TRANSLATION', 'FIRST_WIN'],
      },
      {
        user: { displayName: 'Bob' },
        accepted: 1,
        agree: 0,
        disagree: 0,
        reliability: 0.5,
        badges: ['FIRST_TRANSLATION', 'FIRST_WIN'],
      },
      {
        user: { displayName: 'Voter' },
        accepted: 0,
        agree: 100,
        disagree: 4,
        reliability: 102 / 108,
        badges: ['HUNDRED_AGREEING_VOTES'],
      },
      // Everyone who contributed is listed (issue 18), the manager too, though no ledger entry yet.
      {
        user: { displayName: 'Manager' },
        accepted: 0,
        agree: 0,
        disagree: 0,
        reliability: 0.5,
        badges: [],
      },
    ]);
    expect(
      await anonymous.errorCode(
        'query { leaderboard(project: "shop", locale: "fr") { accepted } }',
      ),
    ).toBe('UNKNOWN_LOCALE');
  });
});
