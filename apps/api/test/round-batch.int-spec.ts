import { DataSource } from 'typeorm';
import { RoundCloseService } from '../src/voting/round-close.service';
import { roundCounts, seedCollectingRounds } from './support/bulk-rounds';
import { FAST_VOTING, seedCatalogue } from './support/catalogue-fixture';
import { signedInClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';

/** Row versions of a unit's rows: a statement that writes a row changes its xmin. */
async function versions(db: DataSource, unitIds: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ v: string }[]>(
    `SELECT u.xmin::text || '/' || r.xmin::text AS v FROM translation_unit u
       JOIN round r ON r.id = u.current_round_id WHERE u.id = ANY($1::uuid[]) ORDER BY u.id`,
    [unitIds],
  );
  return rows.map((r) => r.v);
}

describe('closing due rounds in batches (RoundCloseService.tickDue)', () => {
  let api: RunningApi;
  let db: DataSource;
  let rounds: RoundCloseService;
  let due: readonly string[];
  let future: readonly string[];
  let voterIds: string[];

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    rounds = api.app.get(RoundCloseService);
    const owner = await signedInClient(api.baseUrl, 'owner');
    const seed = await seedCatalogue(api.app, owner.client, {
      locales: ['pl'],
      source: { a: 'A' },
      voting: FAST_VOTING,
    });
    const author = await signedInClient(api.baseUrl, 'author');
    voterIds = [];
    for (const name of ['v1', 'v2', 'v3'])
      voterIds.push((await signedInClient(api.baseUrl, name)).id);
    const now = Date.now();
    const { unitIds } = await seedCollectingRounds(db, {
      projectId: seed.projectId,
      localeId: seed.localeIds['pl']!,
      authorId: author.id,
      voterIds,
      count: 30,
      voting: FAST_VOTING,
      // 25 rounds past their deadline, 5 an hour ahead.
      deadlineAt: (i) => new Date(i < 25 ? now - 1_000 : now + 3_600_000),
    });
    due = unitIds.slice(0, 25);
    future = unitIds.slice(25);
  });

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('closes only its own round when the batch is 0', async () => {
    const outcome = await rounds.tickDue(due[0]!, Date.now(), 0);
    expect(outcome.units).toBe(1);
    expect(outcome.state.round.state).toBe('DECIDED');
    expect(outcome.decidedRoundIds).toEqual([outcome.state.round.id]);
    expect(await roundCounts(db, due)).toMatchObject({ decided: 1, live: 24 });
  });

  it('takes due rounds along up to the batch size, never rounds that are not due', async () => {
    const outcome = await rounds.tickDue(due[1]!, Date.now(), 10);
    expect(outcome.units).toBe(11);
    expect(outcome.decidedRoundIds).toHaveLength(11);
    expect(await roundCounts(db, due)).toMatchObject({ decided: 12, live: 13 });

    const [live] = await db.query<{ unit_id: string }[]>(
      "SELECT unit_id FROM round WHERE unit_id = ANY($1::uuid[]) AND state = 'COLLECTING' LIMIT 1",
      [due],
    );
    const rest = await rounds.tickDue(live!.unit_id, Date.now(), 1_000);
    expect(rest.units).toBe(13);
    expect(await roundCounts(db, due)).toEqual({
      decided: 25,
      undecided: 0,
      live: 0,
      rounds: 25,
    });
    expect(await roundCounts(db, future)).toMatchObject({ decided: 0, live: 5 });
  });

  it('writes each decision exactly once: winner, evaluated votes, one ledger row per participant', async () => {
    const [units] = await db.query<{ winners: number }[]>(
      'SELECT count(winner_translation_id)::int AS winners FROM translation_unit WHERE id = ANY($1::uuid[])',
      [due],
    );
    expect(units!.winners).toBe(25);
    const [votes] = await db.query<{ evaluated: number }[]>(
      `SELECT count(e.round_id)::int AS evaluated FROM vote v
         LEFT JOIN vote_evaluation e ON e.translation_id = v.translation_id AND e.voter_id = v.voter_id WHERE v.unit_id = ANY($1::uuid[])`,
      [due],
    );
    expect(votes!.evaluated).toBe(25 * voterIds.length);
    const ledger = await db.query<{ kind: string; n: number }[]>(
      `SELECT l.kind, count(*)::int AS n FROM reputation_ledger l JOIN round r ON r.id = l.round_id
        WHERE r.unit_id = ANY($1::uuid[]) GROUP BY l.kind ORDER BY l.kind`,
      [due],
    );
    expect(ledger).toEqual([
      { kind: 'translator', n: 25 },
      { kind: 'voter', n: 25 * voterIds.length },
    ]);
  });

  it('writes nothing when a tick finds nothing to do (a settled round, or one not yet due)', async () => {
    const before = await versions(db, [...due, ...future]);
    const settled = await rounds.tickDue(due[3]!, Date.now(), 1_000);
    expect(settled.units).toBe(1);
    expect(settled.decidedRoundIds).toEqual([settled.state.round.id]);
    const early = await rounds.tickDue(future[0]!, Date.now(), 1_000);
    expect(early.state.round.state).toBe('COLLECTING');
    expect(await versions(db, [...due, ...future])).toEqual(before);
  });

  it('claims from an index of live rounds only: a closed round leaves it', async () => {
    // VACUUM counts an index's live entries (pg_class.reltuples): one per round that can fall due.
    await db.query('VACUUM round');
    const [index] = await db.query<{ entries: number }[]>(
      `SELECT reltuples::int AS entries FROM pg_class WHERE relname = 'IDX_round_due'`,
    );
    const [live] = await db.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM round WHERE state IN ('COLLECTING', 'CLOSING')",
    );
    expect(live!.n).toBe(future.length);
    expect(index!.entries).toBe(live!.n);
  });
});
