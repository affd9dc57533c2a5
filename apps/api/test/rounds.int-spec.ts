import { authorsEndorse, communityOf, decisionWeight, scoreOf, type Vote } from '@chorus/voting';
import { createClient, type Client } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { projectParams } from '../src/voting/unit-state.repository';
import { FAST_VOTING, seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { closeRoundNow } from './support/close-round';
import { signedInClient, type TestClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';
import { poll, spawnWorker, type WorkerProcess } from './support/worker-process';

const VOTING_DURATION = 3_600_000;
const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`;
const VOTE = 'mutation($c: ID!, $v: Int!) { castVote(candidateId: $c, value: $v) { hasVoted } }';

interface RoundEvent {
  roundDecided: {
    stringId: string;
    locale: string;
    round: { state: string; decision: { winnerId: string | null; reasons: string[] } | null };
  };
}

/**
 * Issue 6 acceptance: three voters vote, the round closes at its deadline through a REAL worker
 * process, the winner is what libs/voting decides on the stored votes, a real graphql-ws client
 * receives the decision, and the bundle serves the winner.
 */
describe('a round from first candidate to shipped string', () => {
  let api: RunningApi;
  let worker: WorkerProcess;
  let db: DataSource;
  let seed: SeededCatalogue;
  let ws: Client;
  let owner: TestClient;
  let author: Awaited<ReturnType<typeof signedInClient>>;
  const voters: Awaited<ReturnType<typeof signedInClient>>[] = [];

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    worker = await spawnWorker(api.config);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl'],
      source: { title: 'Budget', rows_one: '{{count}} row', rows_other: '{{count}} rows' },
      // Deadlines an hour away: closeRoundNow ends each round once its votes are in.
      voting: { ...FAST_VOTING, duration: VOTING_DURATION },
    });
    author = await signedInClient(api.baseUrl, 'author');
    for (const name of ['ann', 'bob', 'cid']) voters.push(await signedInClient(api.baseUrl, name));
    ws = createClient({
      url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
    });
  });

  afterAll(async () => {
    await ws?.dispose();
    await worker?.stop();
    await api?.close();
    if (api !== undefined) await flushQueueKeys(api.config);
  });

  it('decides at the deadline in the worker process and tells a subscribed client', async () => {
    const events: RoundEvent[] = [];
    const subscribed = new Promise<void>((resolve, reject) => {
      ws.on('connected', () => resolve());
      ws.on('closed', () => reject(new Error('graphql-ws did not connect')));
    });
    const unsubscribe = ws.subscribe<RoundEvent>(
      {
        query: `subscription($p: String!, $l: String!) { roundDecided(project: $p, locale: $l) {
          stringId locale round { state decision { winnerId reasons } } } }`,
        variables: { p: seed.slug, l: 'pl' },
      },
      {
        next: (value) => value.data && events.push(value.data),
        error: (e) =>
          events.push({
            roundDecided: {
              stringId: 'ERROR',
              locale: String(e),
              round: { state: 'ERROR', decision: null },
            },
          }),
        complete: () => undefined,
      },
    );
    await subscribed;

    const submitted = await author.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
      SUBMIT,
      {
        i: {
          stringId: seed.strings['s:title'],
          locale: 'pl',
          forms: [{ category: '', text: 'Budżet' }],
        },
      },
    );
    const candidateId = submitted.submitTranslation.candidate.id;
    for (const voter of voters) await voter.client.ok(VOTE, { c: candidateId, v: 1 });
    const [unit] = await db.query<{ id: string }[]>(
      'SELECT id FROM translation_unit WHERE string_id = $1',
      [seed.strings['s:title']],
    );
    await closeRoundNow(api.app, unit!.id);

    const decided = await poll(
      'the roundDecided event',
      () => Promise.resolve(events),
      (e) => e.length > 0,
    );
    unsubscribe();
    expect(decided[0]!.roundDecided).toEqual({
      stringId: seed.strings['s:title'],
      locale: 'pl',
      round: { state: 'DECIDED', decision: { winnerId: candidateId, reasons: [] } },
    });

    // The winner is what libs/voting decides on the stored votes.
    const votes = await db.query<
      {
        value: 1 | -1;
        weight: number;
        voter_id: string;
        cast_at: Date;
        evaluated_in_round: string | null;
      }[]
    >(
      `SELECT v.value, v.weight, v.voter_id, v.cast_at, e.round_id AS evaluated_in_round FROM vote v
         LEFT JOIN vote_evaluation e ON e.translation_id = v.translation_id AND e.voter_id = v.voter_id WHERE v.translation_id = $1`,
      [candidateId],
    );
    const [round] = await db.query<
      {
        id: string;
        closed_at: Date;
        deadline: Date;
        decision: { candidates: { candidateId: string; score: number }[] };
      }[]
    >('SELECT id, closed_at, deadline, decision FROM round WHERE winner_id = $1', [candidateId]);
    expect(round!.closed_at.getTime()).toBeGreaterThanOrEqual(round!.deadline.getTime());
    const params = projectParams({ voting: { ...FAST_VOTING, duration: VOTING_DURATION } });
    // Weights count relative to the locale's typical member at decision time (issue 17): here the
    // author and the three voters, none with a record yet, so each vote counts 1.
    const members = [author.id, ...votes.map((v) => v.voter_id)].map((userId) => ({
      userId,
      accountCreatedAt: 0,
      agree: 0,
      disagree: 0,
    }));
    const community = communityOf(members, [], round!.closed_at.getTime(), params);
    const stored: Vote[] = votes.map((v) => ({
      voterId: v.voter_id,
      candidateId,
      value: v.value,
      castAt: v.cast_at.getTime(),
      weight: v.weight,
      evaluatedInRound: v.evaluated_in_round,
    }));
    // A team of four: the author, who upvoted nothing else, endorses their own candidate.
    expect(authorsEndorse(community, params)).toBe(true);
    const endorsement: Vote = {
      voterId: author.id,
      candidateId,
      value: 1,
      castAt: round!.closed_at.getTime(),
      weight: 1,
      evaluatedInRound: null,
    };
    const score = scoreOf(
      [...stored, endorsement].map((v) => ({
        value: v.value,
        weight: decisionWeight(v, community, params),
      })),
      params.z,
    ).score;
    expect(score).toBeGreaterThan(params.minScore);
    // The stored "why this won" carries the same score the library computes from the stored votes.
    const explained = round!.decision.candidates.find((c) => c.candidateId === candidateId);
    expect(explained?.score).toBeCloseTo(score, 9);
    expect(votes.every((v) => v.evaluated_in_round === round!.id)).toBe(true);

    // The bundle-facing side: the delivery rebuild (also in the worker) ships the winner.
    const bundle = await poll(
      'the pl bundle to contain the winner',
      async () => (await fetch(`${api.baseUrl}/bundles/${seed.slug}/pl/translation.json`)).text(),
      (text) => text.includes('Budżet'),
    );
    expect(JSON.parse(bundle)).toEqual({ title: 'Budżet' });
  });

  it('re-opens when a challenger beats the winner by the margin, and the new winner replaces it in the bundle', async () => {
    const stringId = seed.strings['s:title']!;
    const [first] = await db.query<{ id: string }[]>(
      'SELECT winner_translation_id AS id FROM translation_unit WHERE string_id = $1',
      [stringId],
    );
    const challenger = await voters[0]!.client.ok<{
      submitTranslation: { candidate: { id: string } };
    }>(SUBMIT, {
      i: { stringId, locale: 'pl', forms: [{ category: '', text: 'Budżet domowy' }] },
    });
    const challengerId = challenger.submitTranslation.candidate.id;
    // The other voters (and the first winner's author) prefer the challenger and now reject the old winner.
    for (const voter of [voters[1]!, voters[2]!, author]) {
      await voter.client.ok(VOTE, { c: challengerId, v: 1 });
    }
    for (const voter of [voters[1]!, voters[2]!])
      await voter.client.ok(VOTE, { c: first!.id, v: -1 });
    const rounds = await db.query<{ number: number; state: string }[]>(
      'SELECT number, state FROM round r JOIN translation_unit u ON u.id = r.unit_id WHERE u.string_id = $1 ORDER BY number',
      [stringId],
    );
    expect(rounds).toEqual([
      { number: 1, state: 'DECIDED' },
      { number: 2, state: 'COLLECTING' },
    ]);
    // Until round 2 decides, the first winner keeps shipping.
    expect(
      await (await fetch(`${api.baseUrl}/bundles/${seed.slug}/pl/translation.json`)).json(),
    ).toEqual({ title: 'Budżet' });
    const [unit] = await db.query<{ id: string }[]>(
      'SELECT id FROM translation_unit WHERE string_id = $1',
      [stringId],
    );
    await closeRoundNow(api.app, unit!.id);
    const bundle = await poll(
      'the challenger to ship',
      async () => (await fetch(`${api.baseUrl}/bundles/${seed.slug}/pl/translation.json`)).text(),
      (text) => text.includes('Budżet domowy'),
    );
    expect(JSON.parse(bundle)).toEqual({ title: 'Budżet domowy' });
    const [round2] = await db.query<{ state: string; winner_id: string }[]>(
      'SELECT state, winner_id FROM round r JOIN translation_unit u ON u.id = r.unit_id WHERE u.string_id = $1 AND number = 2',
      [stringId],
    );
    expect(round2).toEqual({ state: 'DECIDED', winner_id: challengerId });
  });
});
