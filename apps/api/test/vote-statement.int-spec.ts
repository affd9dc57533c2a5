import { DEFAULT_PARAMS, explainWeightAtCast, type VotingParams } from '@chorus/voting';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppError } from '../src/common/errors/app-error';
import { preparedQuery } from '../src/database/prepared-query';
import { projectParams } from '../src/voting/unit-state.repository';
import { VOTING_QUEUE } from '../src/queue/jobs';
import { EARLY_TICK_MS } from '../src/voting/round-scheduler.producer';
import { VoteStatement, WEIGHT_PROBE_SQL } from '../src/voting/vote-statement';
import { VotingService } from '../src/voting/voting.service';
import { RoundCloseService } from '../src/voting/round-close.service';
import { FAST_VOTING, seedCatalogue } from './support/catalogue-fixture';
import { signedInClient } from './support/graphql-client';
import { flushQueueKeys, resetDatabase, startApi, type RunningApi } from './support/test-app';

/** FAST_VOTING with a deadline an hour away: rounds stay COLLECTING while the test votes. */
const VOTING = { ...FAST_VOTING, duration: 3_600_000 };

async function users(db: DataSource, prefix: string, count: number): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO "user" (email, display_name, password_hash)
     SELECT $1 || '-' || i || '@example.test', $1 || i, 'x' FROM generate_series(1, $2::int) AS i
     RETURNING id`,
    [`${prefix}-${randomUUID()}`, count],
  );
  return rows.map((r) => r.id);
}

function codeOf(error: unknown): string {
  return (error as AppError).code;
}

describe('a vote as one guarded statement (issue 15)', () => {
  let api: RunningApi;
  let db: DataSource;
  let voting: VotingService;
  let rounds: RoundCloseService;
  let statement: VoteStatement;
  let projectId: string;
  let localeId: string;
  let authorId: string;

  let batch = 0;

  /** `count` fresh units with a COLLECTING round an hour long, one candidate each, `preVoters`' upvotes. */
  async function units(count: number, preVoters: readonly string[] = []) {
    batch += 1;
    const [ns] = await db.query<{ id: string }[]>(
      'INSERT INTO namespace (project_id, name) VALUES ($1, $2) RETURNING id',
      [projectId, `batch${batch}`],
    );
    const rows = await db.query<{ id: string; unit_id: string; round_id: string }[]>(
      `WITH s AS (
         INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
         SELECT $1, $2, 's:b' || $5 || 'k' || i, 'k' || i, 'simple', jsonb_build_array('k' || i),
                jsonb_build_object('', 'text ' || i), 'text ' || i, md5('text ' || i), i
           FROM generate_series(1, $4::int) AS i
         RETURNING id, source_hash, position)
       , u AS (INSERT INTO translation_unit (project_id, string_id, locale_id)
               SELECT $1, s.id, $3 FROM s RETURNING id, string_id)
       , t AS (INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key)
               SELECT u.id, $6, s.source_hash, jsonb_build_object('', 'tekst'), '[["","tekst"]]'
                 FROM u JOIN s ON s.id = u.string_id RETURNING id, unit_id)
       , r AS (INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, collecting_since, deadline)
               SELECT gen_random_uuid(), u.id, 1, s.source_hash, 'COLLECTING', $7::jsonb, now(), now(),
                      now() + interval '1 hour'
                 FROM u JOIN s ON s.id = u.string_id RETURNING id, unit_id)
       , v AS (INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at)
               SELECT t.id, t.unit_id, p, 1, 0.55, now() FROM t CROSS JOIN unnest($8::uuid[]) AS p)
       SELECT t.id, t.unit_id, r.id AS round_id FROM t JOIN r ON r.unit_id = t.unit_id
         JOIN u ON u.id = t.unit_id JOIN s ON s.id = u.string_id ORDER BY s.position`,
      [
        projectId,
        ns!.id,
        localeId,
        count,
        batch,
        authorId,
        JSON.stringify(projectParams({ voting: VOTING })),
        preVoters,
      ],
    );
    // A separate statement: a sibling CTE cannot see the units inserted above.
    await db.query(
      `UPDATE translation_unit tu SET current_round_id = r.id FROM round r
        WHERE r.unit_id = tu.id AND tu.id = ANY($1::uuid[])`,
      [rows.map((r) => r.unit_id)],
    );
    return rows;
  }

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    voting = api.app.get(VotingService);
    rounds = api.app.get(RoundCloseService);
    statement = api.app.get(VoteStatement);
    const owner = await signedInClient(api.baseUrl, 'owner');
    const seed = await seedCatalogue(api.app, owner.client, {
      locales: ['pl'],
      source: { a: 'A' },
      voting: VOTING,
    });
    projectId = seed.projectId;
    localeId = seed.localeIds['pl']!;
    [authorId] = (await users(db, 'author', 1)) as [string];
  });

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('writes the vote and its audit row in one statement; a repeat writes nothing, a change keeps the evaluation', async () => {
    const [voter] = (await users(db, 'voter', 1)) as [string];
    const [unit] = await units(1);
    const now = Date.now();
    const cast = await statement.cast({ voterId: voter, candidateId: unit!.id, value: 1, now });
    expect(cast).toMatchObject({ unitId: unit!.unit_id, roundId: unit!.round_id, written: true });
    const vote = () =>
      db.query<{ value: number; weight: number; evaluated_in_round: string | null }[]>(
        `SELECT v.value, v.weight, e.round_id AS evaluated_in_round FROM vote v
           LEFT JOIN vote_evaluation e ON e.translation_id = v.translation_id AND e.voter_id = v.voter_id WHERE v.translation_id = $1 AND v.voter_id = $2`,
        [unit!.id, voter],
      );
    // A newcomer with no ledger rows: wMin + (1 − wMin)·α/(α + β).
    expect(await vote()).toEqual([{ value: 1, weight: 0.55, evaluated_in_round: null }]);
    const again = await statement.cast({ voterId: voter, candidateId: unit!.id, value: 1, now });
    expect(again?.written).toBe(false);
    await db.query(
      'INSERT INTO vote_evaluation (translation_id, voter_id, round_id) VALUES ($1, $2, $3)',
      [unit!.id, voter, unit!.round_id],
    );
    const changed = await statement.cast({ voterId: voter, candidateId: unit!.id, value: -1, now });
    expect(changed?.written).toBe(true);
    expect(await vote()).toEqual([{ value: -1, weight: 0.55, evaluated_in_round: unit!.round_id }]);
    const [audit] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM event WHERE actor_id = $1 AND type = 'vote.cast'
          AND payload->>'candidateId' = $2`,
      [voter, unit!.id],
    );
    expect(audit!.n).toBe(3);
  });

  it('group-commits concurrent votes: each answered and stored as alone, one voter never twice in a statement', async () => {
    const voters = await users(db, 'group', 40);
    const cands = await units(41);
    const now = Date.now();
    const spy = jest.spyOn(db, 'createQueryRunner');
    // Each voter votes on its own candidate; the first voter also on the last one, concurrently;
    // one voter votes on their own candidate (refused here, decided by the full path).
    await db.query('UPDATE translation SET author_id = $2 WHERE id = $1', [
      cands[5]!.id,
      voters[5],
    ]);
    const casts = await Promise.all([
      ...voters.map((voterId, i) =>
        statement.cast({ voterId, candidateId: cands[i]!.id, value: 1, now }),
      ),
      statement.cast({ voterId: voters[0]!, candidateId: cands[40]!.id, value: -1, now }),
    ]);
    const statements = spy.mock.calls.length;
    spy.mockRestore();
    expect(casts[5]).toBeNull();
    casts.forEach((cast, i) => {
      if (i === 5) return;
      const unit = cands[i === 40 ? 40 : i]!;
      expect(cast).toMatchObject({ unitId: unit.unit_id, roundId: unit.round_id, written: true });
    });
    // Fewer statements than votes: the votes shared them.
    expect(statements).toBeLessThan(casts.length);
    const stored = await db.query<{ voter_id: string; value: number }[]>(
      'SELECT voter_id, value FROM vote WHERE translation_id = ANY($1::uuid[]) ORDER BY cast_at',
      [cands.map((c) => c.id)],
    );
    expect(stored).toHaveLength(40);
    expect(stored.filter((v) => v.voter_id === voters[0])).toHaveLength(2);
    const [audit] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM event WHERE type = 'vote.cast' AND actor_id = ANY($1::uuid[])`,
      [voters],
    );
    expect(audit!.n).toBe(40);
  });

  it('leaves the early decision to one debounced tick job per round and window', async () => {
    const voters = await users(db, 'early', 2);
    const [unit] = await units(1);
    // VOTING's minDuration is 0: the round may decide early from its first vote.
    const now = Date.now();
    for (const voterId of voters)
      await statement.cast({ voterId, candidateId: unit!.id, value: 1, now });
    // The voters are answered at the commit; the tick job follows it.
    await statement.settled();
    const at = (Math.floor(now / EARLY_TICK_MS) + 1) * EARLY_TICK_MS;
    const queue = api.app.get<Queue>(getQueueToken(VOTING_QUEUE));
    const job = await queue.getJob(`tick_${unit!.round_id}_early_${at}`);
    expect(job?.data).toEqual({ unitId: unit!.unit_id, roundId: unit!.round_id, reason: 'early' });
    const ticks = (await queue.getDelayed()).filter((j) => j.data.roundId === unit!.round_id);
    expect(ticks).toHaveLength(1);
  });

  it('computes the weight exactly as libs/voting does (explainWeightAtCast)', async () => {
    const [voter, partner] = (await users(db, 'weighed', 2)) as [string, string];
    const now = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          agree: fc.double({ min: 0, max: 500, noNaN: true }),
          disagree: fc.double({ min: 0, max: 500, noNaN: true }),
          wMin: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
          alpha: fc.double({ min: 0.1, max: 10, noNaN: true }),
          beta: fc.double({ min: 0.1, max: 10, noNaN: true }),
          minAccountAge: fc.integer({ min: 0, max: 30 * 86_400_000 }),
          ageMs: fc.integer({ min: 0, max: 60 * 86_400_000 }),
          colluding: fc.boolean(),
          community: fc.boolean(),
        }),
        async (p) => {
          await db.query('UPDATE "user" SET created_at = $2 WHERE id = $1', [
            voter,
            new Date(now - p.ageMs),
          ]);
          await db.query('DELETE FROM reputation_ledger WHERE user_id = $1', [voter]);
          await db.query(
            `INSERT INTO reputation_ledger (round_id, user_id, kind, project_id, locale, agree, disagree)
             VALUES ($1, $2, 'voter', $3, 'pl', $4, $5)`,
            [randomUUID(), voter, projectId, p.agree, p.disagree],
          );
          await db.query('DELETE FROM collusion_pair WHERE user_a = $1 OR user_b = $1', [voter]);
          if (p.colluding) {
            const [a, b] = voter < partner ? [voter, partner] : [partner, voter];
            await db.query(
              'INSERT INTO collusion_pair (user_a, user_b, detected_at) VALUES ($1, $2, now())',
              [a, b],
            );
          }
          const params: VotingParams = {
            ...DEFAULT_PARAMS,
            wMin: p.wMin,
            alpha: p.alpha,
            beta: p.beta,
            minAccountAge: p.minAccountAge,
          };
          const [row] = await preparedQuery<{ weight: number }>(db, WEIGHT_PROBE_SQL, [
            JSON.stringify(params),
            partner,
            p.community ? 'community' : 'import',
            'pl',
            voter,
            now,
          ]);
          const [user] = await db.query<{ created_at: Date }[]>(
            'SELECT created_at FROM "user" WHERE id = $1',
            [voter],
          );
          const expected = explainWeightAtCast(
            {
              userId: voter,
              accountCreatedAt: user!.created_at.getTime(),
              banned: false,
              agree: p.agree,
              disagree: p.disagree,
              collusionPartners: p.colluding ? [partner] : [],
            },
            // An imported text's author is not the importer (unit-state.repository's toLoaded).
            p.community ? partner : `import:${randomUUID()}`,
            now,
            params,
          );
          expect(row!.weight).toBe(expected.weight);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves to the full path what it cannot decide, which answers with the precise error', async () => {
    const [voter, other] = (await users(db, 'refused', 2)) as [string, string];
    const [locked, own, banned, decided, limited] = await units(5);
    const now = Date.now();
    await db.query('UPDATE translation_unit SET locked = true WHERE id = $1', [locked!.unit_id]);
    await db.query('UPDATE translation SET author_id = $2 WHERE id = $1', [own!.id, voter]);
    await db.query('UPDATE translation SET author_id = $2 WHERE id = $1', [banned!.id, other]);
    await db.query('UPDATE "user" SET banned_at = now() WHERE id = $1', [other]);
    const cases: [string, string, string][] = [
      [locked!.id, voter, 'UNIT_LOCKED'],
      [own!.id, voter, 'SELF_VOTE'],
      [banned!.id, voter, 'CANDIDATE_INELIGIBLE'],
    ];
    for (const [candidateId, voterId, code] of cases) {
      expect(await statement.cast({ voterId, candidateId, value: 1, now })).toBeNull();
      await expect(voting.vote(voterId, candidateId, 1, now)).rejects.toMatchObject({ code });
    }
    // Rate limit: a count capped at maxVotesPerHour, refused at the limit.
    await db.query(`UPDATE round SET params = params || '{"maxVotesPerHour": 2}' WHERE id = $1`, [
      limited!.round_id,
    ]);
    const [a, b] = await units(2);
    await voting.vote(voter, a!.id, 1, now);
    await voting.vote(voter, b!.id, 1, now);
    expect(
      await statement.cast({ voterId: voter, candidateId: limited!.id, value: 1, now }),
    ).toBeNull();
    await expect(voting.vote(voter, limited!.id, 1, now)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    // A decided round: the full path applies the challenge rules; the vote is stored there.
    await rounds.tickDue(decided!.unit_id, Date.now() + 7_200_000, 0);
    expect(
      await statement.cast({ voterId: voter, candidateId: decided!.id, value: 1, now }),
    ).toBeNull();
    const after = await voting.vote(voter, decided!.id, 1, now);
    expect(after.round.state).not.toBe('COLLECTING');
    // A private project's non-member: the project is not revealed.
    await db.query(`UPDATE project SET visibility = 'private' WHERE id = $1`, [projectId]);
    try {
      const [hidden] = await units(1);
      expect(
        await statement.cast({ voterId: voter, candidateId: hidden!.id, value: 1, now }),
      ).toBeNull();
      await expect(voting.vote(voter, hidden!.id, 1, now)).rejects.toMatchObject({
        code: 'PROJECT_NOT_FOUND',
      });
    } finally {
      await db.query(`UPDATE project SET visibility = 'public' WHERE id = $1`, [projectId]);
    }
  });

  it('counts every vote that races a close in the decision, or stores it after the decision: none is lost', async () => {
    const preVoters = await users(db, 'pre', 3);
    const racers = await users(db, 'racer', 60);
    const [unit] = await units(1, preVoters);
    const [round] = await db.query<{ deadline: Date }[]>(
      'SELECT deadline FROM round WHERE id = $1',
      [unit!.round_id],
    );
    // The closer's clock is past the deadline; the voters' is not (the API's own time).
    const closeAt = round!.deadline.getTime() + 1;
    let answered = 0;
    const votes = racers.map(async (voterId, i) => {
      if (i % 3 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      return voting
        .vote(voterId, unit!.id, 1, Date.now())
        .then((outcome) => ({ voterId, state: outcome.round.state, error: null }))
        .catch((error: unknown) => ({ voterId, state: null, error: codeOf(error) }))
        .finally(() => (answered += 1));
    });
    // The close starts once the first vote is answered, while the others are queued or in flight:
    // the vote group commit sends the first vote alone and gathers the next ones for 2 ms, so a
    // close started at once could take the unit before any vote. Runs here end either way: most
    // of the others stored after the decision, or all of them counted in it.
    await Promise.race(votes);
    const answeredBeforeClose = answered;
    const close = rounds.tickDue(unit!.unit_id, closeAt, 0);
    const [outcomes, closed] = await Promise.all([Promise.all(votes), close]);
    expect(closed.state.round.state).not.toBe('COLLECTING');
    const [row] = await db.query<
      { state: string; decision: { candidates: { upvoterIds: string[] }[] } }[]
    >('SELECT state, decision FROM round WHERE id = $1', [unit!.round_id]);
    const counted = new Set(row!.decision.candidates[0]!.upvoterIds);
    const before = outcomes.filter((o) => o.state === 'COLLECTING').map((o) => o.voterId);
    const refused = outcomes.filter((o) => o.error !== null);
    // A refusal may only be the round closing under the vote; never another error.
    expect(refused.every((o) => o.error === 'ROUND_CLOSING')).toBe(true);
    expect([...counted].sort()).toEqual([...preVoters, ...before].sort());
    const [stored] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM vote WHERE translation_id = $1',
      [unit!.id],
    );
    expect(stored!.n).toBe(preVoters.length + outcomes.filter((o) => o.error === null).length);
    // The race really raced (sanity of the test itself): some votes landed before the close, and
    // when it started most were still unanswered (the first answer alone makes `before` non-empty).
    expect(before.length).toBeGreaterThan(0);
    expect(answeredBeforeClose).toBeLessThan(racers.length);
  });

  it('retracting an evaluated vote drops its evaluation: cast again, it is a new vote (C3)', async () => {
    const [voter] = (await users(db, 'retracts', 1)) as [string];
    const [unit] = await units(1, [voter]);
    const evaluation = async () =>
      (
        await db.query<{ round_id: string }[]>(
          'SELECT round_id FROM vote_evaluation WHERE translation_id = $1 AND voter_id = $2',
          [unit!.id, voter],
        )
      )[0]?.round_id ?? null;
    await db.query(
      'INSERT INTO vote_evaluation (translation_id, voter_id, round_id) VALUES ($1, $2, $3)',
      [unit!.id, voter, unit!.round_id],
    );
    await voting.retract(voter, unit!.id, Date.now());
    expect(await evaluation()).toBeNull();
    const cast = await statement.cast({
      voterId: voter,
      candidateId: unit!.id,
      value: 1,
      now: Date.now(),
    });
    expect(cast?.written).toBe(true);
    expect(await evaluation()).toBeNull();
  });

  it("a vote deleted any other way takes its evaluation too: directly, or by its candidate's cascade", async () => {
    const voters = await users(db, 'follows', 2);
    const [direct, cascaded] = await units(2, voters);
    const evaluated = async (candidateIds: string[]) =>
      (
        await db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM vote_evaluation WHERE translation_id = ANY($1::uuid[])',
          [candidateIds],
        )
      )[0]!.n;
    for (const unit of [direct!, cascaded!])
      for (const voter of voters)
        await db.query(
          'INSERT INTO vote_evaluation (translation_id, voter_id, round_id) VALUES ($1, $2, $3)',
          [unit.id, voter, unit.round_id],
        );
    expect(await evaluated([direct!.id, cascaded!.id])).toBe(4);
    await db.query('DELETE FROM vote WHERE translation_id = $1 AND voter_id = $2', [
      direct!.id,
      voters[0],
    ]);
    expect(await evaluated([direct!.id])).toBe(1);
    // The candidate's removal cascades to its votes (as a deleted string's does): none is left.
    await db.query('DELETE FROM translation WHERE id = $1', [cascaded!.id]);
    expect(await evaluated([cascaded!.id])).toBe(0);
    expect(await evaluated([direct!.id])).toBe(1);
  });

  it('refuses any vote written while its round is CLOSING, but lets a decision stamp votes as evaluated', async () => {
    const [voter] = await users(db, 'closing', 1);
    const [unit] = await units(1, [voter!]);
    await db.query(`UPDATE round SET state = 'CLOSING' WHERE id = $1`, [unit!.round_id]);
    // A vote cast, changed or moved under a closing round: the database itself says no.
    await expect(
      db.query('UPDATE vote SET value = -1 WHERE translation_id = $1 AND voter_id = $2', [
        unit!.id,
        voter,
      ]),
    ).rejects.toThrow(/ROUND_CLOSING/);
    const [late] = await users(db, 'closing-late', 1);
    await expect(
      db.query(
        `INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at)
         VALUES ($1, $2, $3, 1, 1, now())`,
        [unit!.id, unit!.unit_id, late],
      ),
    ).rejects.toThrow(/ROUND_CLOSING/);
    // The close's evaluation stamp is no vote: it goes through.
    await db.query(
      'INSERT INTO vote_evaluation (translation_id, voter_id, round_id) VALUES ($1, $2, $3)',
      [unit!.id, voter, unit!.round_id],
    );
    const [stored] = await db.query<{ value: number; evaluated_in_round: string }[]>(
      `SELECT v.value, e.round_id AS evaluated_in_round FROM vote v
         LEFT JOIN vote_evaluation e ON e.translation_id = v.translation_id AND e.voter_id = v.voter_id WHERE v.translation_id = $1 AND v.voter_id = $2`,
      [unit!.id, voter],
    );
    expect(stored).toEqual({ value: 1, evaluated_in_round: unit!.round_id });
    await db.query(`UPDATE round SET state = 'COLLECTING' WHERE id = $1`, [unit!.round_id]);
  });
});
