import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FAST_VOTING, seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { TestClient, signedInClient } from './support/graphql-client';
import { closeRoundNow } from './support/close-round';
import { poll } from './support/worker-process';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  type RunningApi,
} from './support/test-app';

const SUBMIT = `mutation($i: SubmitTranslationInput!) {
  submitTranslation(input: $i) { candidate { id status isMine eligible } warnings { code } mergedIntoExisting } }`;
const VOTE =
  'mutation($c: ID!, $v: Int!) { castVote(candidateId: $c, value: $v) { hasVoted candidates { id myVote tally { upvoters } } } }';

const SOURCE = {
  greeting: 'Hello {{name}}!',
  items_one: '{{count}} item',
  items_other: '{{count}} items',
  farewell: 'Goodbye',
};

describe('translating and voting (write side)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let owner: TestClient;
  let seed: SeededCatalogue;
  let author: Awaited<ReturnType<typeof signedInClient>>;
  const voters: Awaited<ReturnType<typeof signedInClient>>[] = [];

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    worker = await startWorker(api.config);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl', 'de'],
      source: SOURCE,
      // Rounds are closed by closeRoundNow once the votes are in, never by the wall clock.
      voting: { ...FAST_VOTING, duration: 3_600_000 },
    });
    author = await signedInClient(api.baseUrl, 'author');
    for (const name of ['v1', 'v2', 'v3']) voters.push(await signedInClient(api.baseUrl, name));
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('refuses a candidate that breaks a placeholder, with the findings', async () => {
    const result = await author.client.gql(SUBMIT, {
      i: {
        stringId: seed.strings['s:greeting'],
        locale: 'pl',
        forms: [{ category: '', text: 'Cześć {{imie}}!' }],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('CHECK_FAILED');
    const details = result.errors?.[0]?.extensions?.details as { findings: { code: string }[] };
    expect(details.findings.map((f) => f.code)).toContain('PLACEHOLDER_MISSING');
    expect(await db.query('SELECT count(*)::int AS n FROM translation')).toEqual([{ n: 0 }]);
  });

  it('refuses unknown and source locales, unknown and retired strings and anonymous callers', async () => {
    const forms = [{ category: '', text: 'Hallo {{name}}!' }];
    expect(
      await author.client.errorCode(SUBMIT, {
        i: { stringId: seed.strings['s:greeting'], locale: 'fr', forms },
      }),
    ).toBe('UNKNOWN_LOCALE');
    expect(
      await author.client.errorCode(SUBMIT, {
        i: { stringId: seed.strings['s:greeting'], locale: 'en', forms },
      }),
    ).toBe('UNKNOWN_LOCALE');
    expect(
      await author.client.errorCode(SUBMIT, {
        i: { stringId: '00000000-0000-4000-8000-000000000000', locale: 'de', forms },
      }),
    ).toBe('STRING_NOT_FOUND');
    expect(
      await new TestClient(api.baseUrl).errorCode(SUBMIT, {
        i: { stringId: seed.strings['s:greeting'], locale: 'de', forms },
      }),
    ).toBe('UNAUTHENTICATED');
    await db.query('UPDATE source_string SET removed_at = now() WHERE id = $1', [
      seed.strings['s:farewell'],
    ]);
    expect(
      await author.client.errorCode(SUBMIT, {
        i: {
          stringId: seed.strings['s:farewell'],
          locale: 'de',
          forms: [{ category: '', text: 'Tschüss' }],
        },
      }),
    ).toBe('STRING_RETIRED');
  });

  it('stores a plural candidate for pl, opens a collecting round, and refuses a second active one by the same author', async () => {
    const forms = [
      { category: 'one', text: '{{count}} element' },
      { category: 'few', text: '{{count}} elementy' },
      { category: 'many', text: '{{count}} elementów' },
      { category: 'other', text: '{{count}} elementu' },
    ];
    const data = await author.client.ok<{
      submitTranslation: { candidate: { id: string; isMine: boolean; eligible: boolean } };
    }>(SUBMIT, {
      i: { stringId: seed.strings['p:items'], locale: 'pl', forms },
    });
    expect(data.submitTranslation.candidate).toMatchObject({ isMine: true, eligible: true });
    const rounds = await db.query('SELECT number, state, deadline IS NOT NULL AS timed FROM round');
    expect(rounds).toEqual([{ number: 1, state: 'COLLECTING', timed: true }]);
    const again = await author.client.gql(SUBMIT, {
      i: {
        stringId: seed.strings['p:items'],
        locale: 'pl',
        forms: forms.map((f) => ({ ...f, text: `${f.text}!` })),
      },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('ACTIVE_CANDIDATE_EXISTS');
  });

  it('turns identical text from another user into their upvote', async () => {
    const forms = [{ category: '', text: 'Hallo {{name}}!' }];
    const first = await author.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
      SUBMIT,
      {
        i: { stringId: seed.strings['s:greeting'], locale: 'de', forms },
      },
    );
    const second = await voters[0]!.client.ok<{
      submitTranslation: { candidate: { id: string }; mergedIntoExisting: boolean };
    }>(SUBMIT, {
      i: { stringId: seed.strings['s:greeting'], locale: 'de', forms },
    });
    expect(second.submitTranslation).toMatchObject({
      mergedIntoExisting: true,
      candidate: { id: first.submitTranslation.candidate.id },
    });
    expect(await db.query('SELECT value FROM vote WHERE voter_id = $1', [voters[0]!.id])).toEqual([
      { value: 1 },
    ]);
  });

  it('refuses a vote on your own candidate, replaces a repeated vote, and retracts', async () => {
    const [candidate] = await db.query<{ id: string }[]>(
      "SELECT id FROM translation WHERE forms->>'one' IS NOT NULL",
    );
    expect(await author.client.errorCode(VOTE, { c: candidate!.id, v: 1 })).toBe('SELF_VOTE');
    expect(await voters[0]!.client.errorCode(VOTE, { c: candidate!.id, v: 2 })).toBe(
      'INVALID_VOTE',
    );
    await voters[0]!.client.ok(VOTE, { c: candidate!.id, v: -1 });
    await voters[0]!.client.ok(VOTE, { c: candidate!.id, v: 1 });
    expect(
      await db.query('SELECT value FROM vote WHERE translation_id = $1', [candidate!.id]),
    ).toEqual([{ value: 1 }]);
    await voters[0]!.client.ok('mutation($c: ID!) { retractVote(candidateId: $c) { hasVoted } }', {
      c: candidate!.id,
    });
    expect(
      await db.query('SELECT count(*)::int AS n FROM vote WHERE translation_id = $1', [
        candidate!.id,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('lets only the author withdraw a candidate', async () => {
    const data = await author.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
      SUBMIT,
      {
        i: {
          stringId: seed.strings['s:greeting'],
          locale: 'pl',
          forms: [{ category: '', text: 'Witaj {{name}}!' }],
        },
      },
    );
    const id = data.submitTranslation.candidate.id;
    const WITHDRAW = 'mutation($id: ID!) { withdrawTranslation(id: $id) { id status } }';
    expect(await voters[1]!.client.errorCode(WITHDRAW, { id })).toBe('NOT_AUTHOR');
    expect(await author.client.ok(WITHDRAW, { id })).toEqual({
      withdrawTranslation: { id, status: 'WITHDRAWN' },
    });
    expect(
      await author.client.errorCode(WITHDRAW, { id: '00000000-0000-4000-8000-000000000000' }),
    ).toBe('CANDIDATE_NOT_FOUND');
  });

  it('decides at the deadline through the worker: winner published, reputation written once', async () => {
    const [candidate] = await db.query<{ id: string; unit_id: string }[]>(
      "SELECT id, unit_id FROM translation WHERE forms->>'one' IS NOT NULL",
    );
    for (const voter of voters) await voter.client.ok(VOTE, { c: candidate!.id, v: 1 });
    await closeRoundNow(api.app, candidate!.unit_id);
    const round = await poll(
      'the round to close',
      async () =>
        (
          await db.query<{ state: string; winner_id: string | null; reasons: string[] }[]>(
            'SELECT state, winner_id, reasons FROM round WHERE unit_id = $1',
            [candidate!.unit_id],
          )
        )[0],
      (r) => r?.state === 'DECIDED' || r?.state === 'UNDECIDED',
    );
    expect(round).toEqual({ state: 'DECIDED', winner_id: candidate!.id, reasons: [] });
    const [unit] = await db.query(
      'SELECT winner_translation_id, winner_source_hash IS NOT NULL AS has_hash FROM translation_unit WHERE id = $1',
      [candidate!.unit_id],
    );
    expect(unit).toEqual({ winner_translation_id: candidate!.id, has_hash: true });
    const ledger = await db.query<{ kind: string; n: number }[]>(
      'SELECT kind, count(*)::int AS n FROM reputation_ledger GROUP BY kind ORDER BY kind',
    );
    expect(ledger).toEqual([
      { kind: 'translator', n: 1 },
      { kind: 'voter', n: 3 },
    ]);
    const [rep] = await db.query<{ accepted: number }[]>(
      "SELECT sum(accepted) AS accepted FROM reputation_ledger WHERE user_id = $1 AND locale = 'pl'",
      [author.id],
    );
    expect(rep!.accepted).toBe(1);
  });
});
