import { DataSource } from 'typeorm';
import { TestClient, signedInClient } from './support/graphql-client';
import {
  seedCandidate,
  seedProject,
  seedString,
  seedUnit,
  seedUser,
  seedVote,
  seedDecided,
  type SeededProject,
  type SeededString,
} from './support/seed';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const NEXT = `query($p: String!, $l: String!, $f: StringFilter, $skip: [ID!]) {
  nextString(project: $p, locale: $l, filter: $f, skip: $skip) { id key status } }`;

interface Next {
  nextString: { id: string; key: string; status: string } | null;
}

describe('nextString: the volunteer queue', () => {
  let api: RunningApi;
  let ds: DataSource;
  let project: SeededProject;
  const strings: SeededString[] = [];

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    project = await seedProject(ds, { slug: 'queue', locales: ['de'] });
    for (let i = 0; i < 40; i += 1) {
      strings.push(
        await seedString(ds, project, { key: `k${String(i).padStart(2, '0')}`, position: i }),
      );
    }
  });

  afterAll(() => api.close());

  const next = (client: TestClient, vars: Record<string, unknown> = {}) =>
    client.ok<Next>(NEXT, { p: 'queue', l: 'de', ...vars }).then((d) => d.nextString);

  it('needs a session, a visible project and a known locale', async () => {
    const anonymous = new TestClient(api.baseUrl);
    expect(await anonymous.errorCode(NEXT, { p: 'queue', l: 'de' })).toBe('UNAUTHENTICATED');
    const { client } = await signedInClient(api.baseUrl, 'lost');
    expect(await client.errorCode(NEXT, { p: 'nope', l: 'de' })).toBe('PROJECT_NOT_FOUND');
    expect(await client.errorCode(NEXT, { p: 'queue', l: 'fr' })).toBe('UNKNOWN_LOCALE');
    expect(await client.errorCode(NEXT, { p: 'queue', l: 'de', skip: ['nope'] })).toBe(
      'BAD_USER_INPUT',
    );
    // The limits nextString checks by hand, over HTTP: skipped ids, slug and locale lengths.
    const tooMany = Array.from({ length: 1_001 }, () => '0b7f4a52-6a0e-4f43-9d7c-2f3f3b8a1c11');
    expect(await client.errorCode(NEXT, { p: 'queue', l: 'de', skip: tooMany })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await client.errorCode(NEXT, { p: 'q'.repeat(64), l: 'de' })).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(NEXT, { p: 'queue', l: 'x'.repeat(36) })).toBe('BAD_USER_INPUT');
    await seedProject(ds, { slug: 'closed', visibility: 'private', locales: ['de'] });
    expect(await client.errorCode(NEXT, { p: 'closed', l: 'de' })).toBe('PROJECT_NOT_FOUND');
  });

  it('never hands the same string to two volunteers calling at the same time', async () => {
    const volunteers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signedInClient(api.baseUrl, `volunteer${i}`)),
    );
    const skipped = new Map<string, string[]>(volunteers.map((v) => [v.id, []]));
    for (let round = 0; round < 3; round += 1) {
      const got = await Promise.all(
        volunteers.map((v) => next(v.client, { skip: skipped.get(v.id) })),
      );
      const ids = got.map((g) => g?.id);
      expect(ids.every((id) => id !== undefined)).toBe(true);
      expect(new Set(ids).size).toBe(volunteers.length);
      volunteers.forEach((v, i) => {
        const id = ids[i]!;
        // Skipped strings are released for others; within a round nobody shares a string.
        skipped.get(v.id)!.push(id);
      });
    }
    // One live lease per volunteer: taking the next string released the one skipped.
    const leases = await ds.query<{ user_id: string; n: number }[]>(
      'SELECT user_id, count(*)::int AS n FROM string_lease GROUP BY user_id',
    );
    expect(leases.filter((l) => skipped.has(l.user_id)).map((l) => l.n)).toEqual(Array(8).fill(1));
    await ds.query('DELETE FROM string_lease');
  });

  it('splits scarce strings among concurrent volunteers: each string once, the rest get null', async () => {
    const scarce = await seedProject(ds, { slug: 'scarce', locales: ['de'] });
    for (let i = 0; i < 5; i += 1) await seedString(ds, scarce, { key: `s${i}`, position: i });
    const volunteers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signedInClient(api.baseUrl, `crowd${i}`)),
    );
    const got = await Promise.all(volunteers.map((v) => next(v.client, { p: 'scarce' })));
    const handed = got.filter((g) => g !== null).map((g) => g.key);
    expect(handed.sort()).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(got.filter((g) => g === null)).toHaveLength(7);
  });

  it('hands the same volunteer the same string until they skip it, in catalogue order', async () => {
    const { client } = await signedInClient(api.baseUrl, 'steady');
    const first = await next(client);
    expect(first).toEqual({ id: strings[0]!.id, key: 'k00', status: 'UNTRANSLATED' });
    expect((await next(client))?.id).toBe(first?.id);
    const second = await next(client, { skip: [first!.id] });
    expect(second?.key).toBe('k01');
    // Someone else now gets the released k00, not the held k01.
    const other = await signedInClient(api.baseUrl, 'other');
    expect((await next(other.client))?.key).toBe('k00');
    await ds.query('DELETE FROM string_lease');
  });

  it('reclaims expired leases and skips locked strings', async () => {
    const holder = await seedUser(ds, 'holder');
    await ds.query(
      `INSERT INTO string_lease (string_id, locale_id, user_id, expires_at) VALUES
        ($1, $3, $4, now() - interval '1 minute'), ($2, $3, $4, now() + interval '5 minutes')`,
      [strings[0]!.id, strings[1]!.id, project.locales['de'], holder],
    );
    await seedUnit(ds, project, strings[2]!.id, 'de', { locked: true });
    const { client } = await signedInClient(api.baseUrl, 'reclaimer');
    expect((await next(client))?.key).toBe('k00');
    expect((await next(client, { skip: [strings[0]!.id] }))?.key).toBe('k03');
    await ds.query('DELETE FROM string_lease');
  });

  it('serves the other filters: untranslated first for ALL, unvoted candidates for NEEDS_VOTES', async () => {
    const [author, voter] = await Promise.all([
      signedInClient(api.baseUrl, 'author'),
      signedInClient(api.baseUrl, 'judge'),
    ]);
    const other = await seedUser(ds, 'someone');
    // k00 is decided, k01 and k04 have candidates (k04 only the judge's own), the rest untranslated.
    await seedDecided(ds, project, strings[0]!, 'de', other, { '': 'fertig' });
    const unit1 = await seedUnit(ds, project, strings[1]!.id, 'de');
    const c1 = await seedCandidate(ds, {
      unitId: unit1,
      authorId: author.id,
      sourceHash: strings[1]!.sourceHash,
      forms: { '': 'eins' },
    });
    const unit4 = await seedUnit(ds, project, strings[4]!.id, 'de');
    await seedCandidate(ds, {
      unitId: unit4,
      authorId: voter.id,
      sourceHash: strings[4]!.sourceHash,
      forms: { '': 'vier' },
    });
    expect(await next(voter.client, { f: 'ALL' })).toMatchObject({
      key: 'k03',
      status: 'UNTRANSLATED',
    });
    expect(await next(voter.client, { f: 'NEEDS_VOTES' })).toMatchObject({
      key: 'k01',
      status: 'VOTING',
    });
    expect(await next(author.client, { f: 'NEEDS_VOTES' })).toMatchObject({ key: 'k04' });
    await seedVote(ds, { translationId: c1, voterId: voter.id, value: 1 });
    expect(await next(voter.client, { f: 'NEEDS_VOTES', skip: [] })).toBeNull();
    expect(await next(voter.client, { f: 'DECIDED' })).toMatchObject({
      key: 'k00',
      status: 'DECIDED',
    });
    expect(await next(voter.client, { f: 'STALE' })).toBeNull();
  });

  it('ranks by candidate count for ALL once no string lacks a candidate (its walk finds none)', async () => {
    const ranked = await seedProject(ds, { slug: 'ranked', locales: ['de'] });
    const authors = await Promise.all([0, 1, 2].map((i) => seedUser(ds, `writer${i}`)));
    const counts = [2, 1, 3];
    for (const [i, count] of counts.entries()) {
      const string = await seedString(ds, ranked, { key: `r${i}`, position: i });
      const unit = await seedUnit(ds, ranked, string.id, 'de');
      for (let c = 0; c < count; c += 1) {
        await seedCandidate(ds, {
          unitId: unit,
          authorId: authors[c]!,
          sourceHash: string.sourceHash,
          forms: { '': `r${i}-${c}` },
        });
      }
    }
    const { client } = await signedInClient(api.baseUrl, 'ranker');
    const first = await next(client, { p: 'ranked', f: 'ALL' });
    expect(first).toMatchObject({ key: 'r1', status: 'VOTING' });
    const second = await next(client, { p: 'ranked', f: 'ALL', skip: [first!.id] });
    expect(second?.key).toBe('r0');
    await ds.query('DELETE FROM string_lease');
  });

  it('returns null when every string is skipped', async () => {
    const { client } = await signedInClient(api.baseUrl, 'finisher');
    expect(await next(client, { skip: strings.map((s) => s.id) })).toBeNull();
  });
});

describe('nextString: the per-user budget (RATE_LIMIT_CLAIMS)', () => {
  const BUDGET = 3;
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_CLAIMS: String(BUDGET) }));
    const ds = api.app.get(DataSource);
    const project = await seedProject(ds, { slug: 'budget', locales: ['de'] });
    for (let i = 0; i < 3; i += 1) await seedString(ds, project, { key: `b${i}`, position: i });
  });

  afterAll(() => api.close());

  it('refuses a user past the budget with a wait time; other users keep theirs', async () => {
    const ask = { p: 'budget', l: 'de' };
    const script = await signedInClient(api.baseUrl, 'looping-script');
    for (let i = 0; i < BUDGET; i += 1) await script.client.ok<Next>(NEXT, ask);
    const refused = await script.client.gql<Next>(NEXT, ask);
    const extensions = refused.errors?.[0]?.extensions as Record<string, unknown> | undefined;
    expect(extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    // Within the minute's window.
    expect(extensions?.['retryAfter']).toBeGreaterThan(0);
    expect(extensions?.['retryAfter']).toBeLessThanOrEqual(60);
    // Counted before anything else runs: a refused call leases nothing new.
    expect(refused.data?.nextString ?? null).toBeNull();

    const volunteer = await signedInClient(api.baseUrl, 'patient-volunteer');
    expect((await volunteer.client.ok<Next>(NEXT, ask)).nextString).not.toBeNull();
  });

  it('counts each aliased call in one request', async () => {
    const { client } = await signedInClient(api.baseUrl, 'alias-script');
    const aliases = Array.from(
      { length: BUDGET + 1 },
      (_, i) => `a${i}: nextString(project: "budget", locale: "de") { id }`,
    );
    const answer = await client.gql(`query { ${aliases.join(' ')} }`);
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).toEqual(['RATE_LIMITED']);
  });
});
