import { DataSource } from 'typeorm';
import { AbuseService } from '../src/voting/abuse.service';
import { FAST_VOTING, seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { signedInClient, type TestClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';

const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`;
const VOTE = 'mutation($c: ID!, $v: Int!) { castVote(candidateId: $c, value: $v) { hasVoted } }';
type Member = Awaited<ReturnType<typeof signedInClient>>;

describe('manager actions, abuse signals and queue health', () => {
  let api: RunningApi;
  let db: DataSource;
  let owner: TestClient;
  let seed: SeededCatalogue;
  let alice: Member;
  let bob: Member;

  const submit = async (who: Member, key: string, text: string): Promise<string> =>
    (
      await who.client.ok<{ submitTranslation: { candidate: { id: string } } }>(SUBMIT, {
        i: { stringId: seed.strings[key], locale: 'pl', forms: [{ category: '', text }] },
      })
    ).submitTranslation.candidate.id;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl'],
      source: { s1: 'One', s2: 'Two', s3: 'Three', s4: 'Four', s5: 'Five', s6: 'Six' },
      voting: { ...FAST_VOTING, duration: 600_000 },
    });
    alice = await signedInClient(api.baseUrl, 'alice');
    bob = await signedInClient(api.baseUrl, 'bob');
  });

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('lets an owner approve a candidate: decided at once with MANAGER_APPROVED', async () => {
    const id = await submit(alice, 's:s5', 'Pięć');
    const round = await owner.ok<{ approveCandidate: { state: string; reasons: string[] } }>(
      'mutation($id: ID!) { approveCandidate(id: $id, reason: "reviewed by the language team") { state reasons } }',
      { id },
    );
    expect(round.approveCandidate).toEqual({ state: 'DECIDED', reasons: ['MANAGER_APPROVED'] });
    const [unit] = await db.query(
      'SELECT winner_translation_id FROM translation_unit WHERE string_id = $1',
      [seed.strings['s:s5']],
    );
    expect(unit).toEqual({ winner_translation_id: id });
    const [event] = await db.query<{ payload: { reason: string } }[]>(
      "SELECT payload FROM event WHERE type = 'candidate.approved'",
    );
    expect(event!.payload.reason).toBe('reviewed by the language team');
  });

  it('refuses manager actions to a volunteer, and rejects and locks for a manager', async () => {
    const id = await submit(alice, 's:s6', 'Sześć');
    expect(
      await bob.client.errorCode(
        'mutation($id: ID!) { approveCandidate(id: $id, reason: "x") { state } }',
        { id },
      ),
    ).toBe('FORBIDDEN');
    expect(
      await bob.client.errorCode(
        'mutation($id: ID!) { rejectCandidate(id: $id, reason: "x") { status } }',
        { id },
      ),
    ).toBe('FORBIDDEN');
    const rejected = await owner.ok<{ rejectCandidate: { status: string } }>(
      'mutation($id: ID!) { rejectCandidate(id: $id, reason: "wrong meaning") { status } }',
      { id },
    );
    expect(rejected.rejectCandidate.status).toBe('REJECTED');

    const lock =
      'mutation($s: ID!, $l: Boolean!) { lockString(stringId: $s, locale: "pl", locked: $l) { locked } }';
    expect(await bob.client.errorCode(lock, { s: seed.strings['s:s6'], l: true })).toBe(
      'FORBIDDEN',
    );
    expect(await owner.ok(lock, { s: seed.strings['s:s6'], l: true })).toEqual({
      lockString: { locked: true },
    });
    const refused = await bob.client.gql(SUBMIT, {
      i: {
        stringId: seed.strings['s:s6'],
        locale: 'pl',
        forms: [{ category: '', text: 'Sześć!' }],
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNIT_LOCKED');
    expect(await owner.ok(lock, { s: seed.strings['s:s6'], l: false })).toEqual({
      lockString: { locked: false },
    });
  });

  it('flags a reciprocal voting pair, weighs their mutual votes at wMin, and shows the flag to managers only', async () => {
    const a1 = await submit(alice, 's:s1', 'Jeden');
    const a2 = await submit(alice, 's:s2', 'Dwa');
    const b1 = await submit(bob, 's:s3', 'Trzy');
    const b2 = await submit(bob, 's:s4', 'Cztery');
    for (const c of [b1, b2]) await alice.client.ok(VOTE, { c, v: 1 });
    for (const c of [a1, a2]) await bob.client.ok(VOTE, { c, v: 1 });
    // The rest of the crowd: six more translators, one upvote each from a reviewer. Where alice and
    // bob were the only authors, reviewing each other would be all there is to review, not a ring
    // (issue 17: reciprocity must exceed what each author's share of the candidates explains).
    const reviewer = await signedInClient(api.baseUrl, 'carol');
    for (const [i, key] of ['s:s1', 's:s2', 's:s3', 's:s4', 's:s5', 's:s6'].entries()) {
      const other = await signedInClient(api.baseUrl, `translator${i}`);
      await reviewer.client.ok(VOTE, { c: await submit(other, key, `Tekst ${i}`), v: 1 });
    }
    const before = await db.query<{ weight: number }[]>(
      'SELECT weight FROM vote WHERE translation_id = ANY($1::uuid[])',
      [[a1, a2, b1, b2]],
    );
    expect(before.every((v) => v.weight > 0.1)).toBe(true);

    const result = await api.app.get(AbuseService).scan(seed.projectId, Date.now());
    expect(result.collusionPairs).toBe(1);
    expect(result.unitsReweighted).toBe(4);
    const after = await db.query<{ weight: number }[]>(
      'SELECT weight FROM vote WHERE translation_id = ANY($1::uuid[])',
      [[a1, a2, b1, b2]],
    );
    expect(after.map((v) => v.weight)).toEqual([0.1, 0.1, 0.1, 0.1]);
    // A second scan finds the same pattern and changes nothing.
    await api.app.get(AbuseService).scan(seed.projectId, Date.now());
    expect(await db.query('SELECT count(*)::int AS n FROM collusion_pair')).toEqual([{ n: 1 }]);

    const query =
      '{ flaggedAccounts(project: "SLUG") { kind users { displayName } evidence } }'.replace(
        'SLUG',
        seed.slug,
      );
    const flags = await owner.ok<{
      flaggedAccounts: { kind: string; users: { displayName: string }[] }[];
    }>(query);
    const reciprocal = flags.flaggedAccounts.find((f) => f.kind === 'RECIPROCAL_PAIR');
    expect(reciprocal?.users.map((u) => u.displayName).sort()).toEqual(['alice', 'bob']);
    expect(await alice.client.errorCode(query)).toBe('FORBIDDEN');
  });

  it("keeps queue statistics (every tenant's queues) from project owners", async () => {
    // Instance administrators see them: availability-admin.int-spec.ts.
    expect(await owner.errorCode('{ queueStats { queue } }')).toBe('FORBIDDEN');
    expect(await alice.client.errorCode('{ queueStats { queue } }')).toBe('FORBIDDEN');
  });
});
