/**
 * Issue 17 item 6 on the API: what a collecting round still needs ("votesNeeded", blind like the
 * tallies), and a manager dismissing an abuse flag (its pair stops being discounted, logged).
 */
import { DataSource } from 'typeorm';
import { fileScanReport } from '../src/moderation/scan-report';
import { FAST_VOTING, seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { signedInClient, type TestClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';

const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`;
const VOTE = 'mutation($c: ID!) { castVote(candidateId: $c, value: 1) { votesNeeded } }';
const NEEDED = 'query($s: ID!) { candidates(stringId: $s, locale: "pl") { votesNeeded } }';
const DISMISS =
  'mutation($p: String!, $id: ID!, $r: String!) { dismissAbuseFlag(project: $p, id: $id, reason: $r) }';
type Member = Awaited<ReturnType<typeof signedInClient>>;

describe('what a round still needs, and dismissing a flag', () => {
  let api: RunningApi;
  let db: DataSource;
  let owner: TestClient;
  let seed: SeededCatalogue;
  let alice: Member;
  let bob: Member;
  let carol: Member;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl'],
      source: { s1: 'One', s2: 'Two' },
      voting: { ...FAST_VOTING, duration: 3_600_000, earlyScore: 1, earlyMargin: 1 },
    });
    alice = await signedInClient(api.baseUrl, 'alice');
    bob = await signedInClient(api.baseUrl, 'bob');
    carol = await signedInClient(api.baseUrl, 'carol');
  });

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('says how many more votes a collecting round needs, only to those who see the tallies', async () => {
    const stringId = seed.strings['s:s1'];
    const { submitTranslation } = await alice.client.ok<{
      submitTranslation: { candidate: { id: string } };
    }>(SUBMIT, { i: { stringId, locale: 'pl', forms: [{ category: '', text: 'Jeden' }] } });
    // Alone, alice's proposal needs one more person: the team's thresholds floor at two, and in
    // a team this small her own proposal counts as her upvote.
    const asked = await owner.ok<{ candidates: { votesNeeded: number | null } }>(NEEDED, {
      s: stringId,
    });
    expect(asked.candidates.votesNeeded).toBe(1);
    // Two active members (alice, bob): quorum and minVotes scale to 2; bob's upvote completes them.
    const voted = await bob.client.ok<{ castVote: { votesNeeded: number | null } }>(VOTE, {
      c: submitTranslation.candidate.id,
    });
    expect(voted.castVote.votesNeeded).toBe(0);
    const blind = await carol.client.ok<{ candidates: { votesNeeded: number | null } }>(NEEDED, {
      s: stringId,
    });
    expect(blind.candidates.votesNeeded).toBeNull();
    const manager = await owner.ok<{ candidates: { votesNeeded: number | null } }>(NEEDED, {
      s: stringId,
    });
    expect(manager.candidates.votesNeeded).toBe(0);
  });

  it("names who approved a winner by hand and why, once, in the round's decision", async () => {
    const stringId = seed.strings['s:s2'];
    const { submitTranslation } = await alice.client.ok<{
      submitTranslation: { candidate: { id: string } };
    }>(SUBMIT, { i: { stringId, locale: 'pl', forms: [{ category: '', text: 'Dwa' }] } });
    await owner.ok(
      'mutation($id: ID!) { approveCandidate(id: $id, reason: "house style") { state } }',
      {
        id: submitTranslation.candidate.id,
      },
    );
    const read = await carol.client.ok<{
      candidates: { round: { decision: { approval: unknown; reasons: string[] } } };
    }>(
      'query($s: ID!) { candidates(stringId: $s, locale: "pl") { round { decision { reasons approval { by { displayName } reason } } } } }',
      { s: stringId },
    );
    expect(read.candidates.round.decision).toEqual({
      reasons: ['MANAGER_APPROVED'],
      approval: { by: { displayName: 'owner' }, reason: 'house style' },
    });
    // A decision by vote has no approval.
    const voted = await carol.client.ok<{ candidates: { round: { decision: null } } }>(
      'query($s: ID!) { candidates(stringId: $s, locale: "pl") { round { decision { approval { reason } } } } }',
      { s: seed.strings['s:s1'] },
    );
    expect(voted.candidates.round.decision).toBeNull();
  });

  it('lets a manager dismiss a flag: off the list, the pair no longer discounted, logged', async () => {
    const [a, b] = [alice.id, bob.id].sort() as [string, string];
    const [flag] = await db.query<{ id: string }[]>(
      `INSERT INTO abuse_flag (project_id, kind, user_ids, fingerprint, evidence, detected_at)
       VALUES ($1, 'RECIPROCAL_PAIR', ARRAY[$2, $3]::uuid[], 'fp-followable', '{}'::jsonb, now())
       RETURNING id`,
      [seed.projectId, a, b],
    );
    await db.query(
      'INSERT INTO collusion_pair (user_a, user_b, detected_at) VALUES ($1, $2, now())',
      [a, b],
    );
    const id = flag!.id;
    const vars = { p: seed.slug, id, r: 'they are a real two-person team' };
    // The scan files the flag as a report; the panel bans from it (moderateReport).
    await fileScanReport(db, {
      id,
      projectId: seed.projectId,
      kind: 'RECIPROCAL_PAIR',
      userIds: [a, b],
    });
    const before = await owner.ok<{ flaggedAccounts: { id: string; reportId: string | null }[] }>(
      'query($p: String!) { flaggedAccounts(project: $p) { id reportId } }',
      { p: seed.slug },
    );
    const reportId = before.flaggedAccounts.find((f) => f.id === id)?.reportId;
    expect(reportId).toEqual(expect.any(String));

    expect(await bob.client.errorCode(DISMISS, vars)).toBe('FORBIDDEN');
    expect(await owner.errorCode(DISMISS, { ...vars, r: '   ' })).toBe('BAD_USER_INPUT');
    expect(await owner.errorCode(DISMISS, { ...vars, r: 'x'.repeat(501) })).toBe('BAD_USER_INPUT');
    expect(await owner.errorCode(DISMISS, { ...vars, id: 'not-a-uuid' })).toBe('NOT_FOUND');
    expect(
      await owner.errorCode(DISMISS, { ...vars, id: '00000000-0000-4000-8000-000000000000' }),
    ).toBe('NOT_FOUND');

    await owner.ok(DISMISS, vars);
    const listed = await owner.ok<{ flaggedAccounts: { id: string }[] }>(
      'query($p: String!) { flaggedAccounts(project: $p) { id } }',
      { p: seed.slug },
    );
    expect(listed.flaggedAccounts.map((f) => f.id)).not.toContain(id);
    const [pair] = await db.query<{ cleared: boolean }[]>(
      'SELECT cleared_at IS NOT NULL AS cleared FROM collusion_pair WHERE user_a = $1 AND user_b = $2',
      [a, b],
    );
    expect(pair).toEqual({ cleared: true });
    // The same verdict settles the flag's report in the moderation queue.
    expect(
      await db.query('SELECT status, resolution FROM moderation_report WHERE id = $1', [reportId]),
    ).toEqual([{ status: 'resolved', resolution: 'DISMISSED' }]);
    const events = await db.query<{ payload: { reason: string; flagId: string } }[]>(
      "SELECT payload FROM event WHERE type = 'abuse_flag.dismissed'",
    );
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ flagId: id, reason: 'they are a real two-person team' }),
    ]);
    // Dismissing twice is harmless (the first dismissal's time stays).
    await owner.ok(DISMISS, vars);
  });
});
