import fc from 'fast-check';
import type { Id, UnitVotingState } from '../model/types';
import { DAY, HOUR, makeUnit, makeVoter, T0 } from '../testing';
import type { Effect, VotingEvent } from './events';
import { DEFAULT_PARAMS } from './params';
import { createUnitState, transition } from './state-machine';

const AUTHORS = ['a1', 'a2', 'a3'];
const VOTERS = ['v1', 'v2', 'v3', 'v4', 'v5', 'a1'];
const CANDIDATES = ['c1', 'c2', 'c3', 'c4'];
const TEXTS = ['alpha', 'beta', 'gamma'];

type Gen = (hash: string) => VotingEvent;

/** Candidate ids are scoped by source hash, so new candidates can follow a source change. */
const cid = (c: string, hash: string): string => `${c}@${hash}`;

const arbEvent: fc.Arbitrary<Gen> = fc.oneof(
  {
    arbitrary: fc
      .record({
        c: fc.constantFrom(...CANDIDATES),
        author: fc.constantFrom(...AUTHORS),
        text: fc.constantFrom(...TEXTS),
        broken: fc.boolean(),
      })
      .map(({ c, author, text, broken }) => (hash: string) => ({
        type: 'submitCandidate' as const,
        candidate: {
          id: cid(c, hash),
          forms: { '': text },
          sourceHash: hash,
          blockingErrors: broken ? ['EMPTY'] : [],
        },
        submitter: makeVoter(author),
      })),
    weight: 3,
  },
  {
    arbitrary: fc
      .record({
        voter: fc.constantFrom(...VOTERS),
        c: fc.constantFrom(...CANDIDATES),
        value: fc.constantFrom<1 | -1>(1, 1, 1, -1),
        agree: fc.constantFrom(0, 5, 1000),
      })
      .map(({ voter, c, value, agree }) => (hash: string) => ({
        type: 'castVote' as const,
        voter: makeVoter(voter, { agree }),
        candidateId: cid(c, hash),
        value,
      })),
    weight: 10,
  },
  fc
    .record({ voter: fc.constantFrom(...VOTERS), c: fc.constantFrom(...CANDIDATES) })
    .map(({ voter, c }) => (hash: string) => ({
      type: 'retractVote' as const,
      voterId: voter,
      candidateId: cid(c, hash),
    })),
  { arbitrary: fc.constant(() => ({ type: 'tick' as const })), weight: 3 },
  fc
    .constantFrom(...CANDIDATES)
    .map((c) => (hash: string) => ({ type: 'managerApprove' as const, candidateId: cid(c, hash) })),
  fc
    .constantFrom(...CANDIDATES)
    .map((c) => (hash: string) => ({ type: 'managerReject' as const, candidateId: cid(c, hash) })),
  fc
    .record({ c: fc.constantFrom(...CANDIDATES), u: fc.constantFrom(...AUTHORS) })
    .map(({ c, u }) => (hash: string) => ({
      type: 'withdrawCandidate' as const,
      candidateId: cid(c, hash),
      userId: u,
    })),
  fc
    .constantFrom('h1', 'h2', 'h3')
    .map((h) => () => ({ type: 'sourceChanged' as const, sourceHash: h })),
  fc.constantFrom(...VOTERS).map((u) => () => ({ type: 'userBanned' as const, userId: u })),
  fc.constantFrom(...VOTERS).map((u) => () => ({ type: 'userUnbanned' as const, userId: u })),
);

const arbStep = fc.record({
  gen: arbEvent,
  advance: fc.constantFrom(0, HOUR, 12 * HOUR, DAY, 3 * DAY, 8 * DAY),
});

function checkInvariants(s: UnitVotingState): void {
  const { round } = s;
  expect(round.state).not.toBe('CLOSING');
  if (round.state === 'DECIDED') {
    expect(round.outcome?.decided).toBe(true);
    const winner = round.outcome?.winnerId;
    expect(s.candidates.some((c) => c.id === winner)).toBe(true);
  } else {
    expect(round.outcome?.winnerId ?? null).toBeNull();
  }
  if (s.publishedWinner) {
    const published = s.candidates.find((c) => c.id === s.publishedWinner?.candidateId);
    expect(published?.status).not.toBe('outdated');
    expect(s.publishedWinner.sourceHash).toBe(s.unit.sourceHash);
  }
  if (round.state === 'DECIDED') {
    expect(s.publishedWinner).toMatchObject({
      roundId: round.id,
      candidateId: round.outcome?.winnerId,
    });
  }
  const pairs = s.votes.map((v) => `${v.voterId}/${v.candidateId}`);
  expect(new Set(pairs).size).toBe(pairs.length);
  for (const v of s.votes) {
    expect(v.weight).toBeGreaterThanOrEqual(0);
    expect(v.weight).toBeLessThanOrEqual(1);
  }
  const active = s.candidates.filter(
    (c) => c.status === 'active' && c.sourceHash === s.unit.sourceHash,
  );
  expect(new Set(active.map((c) => c.authorId)).size).toBe(active.length);
}

describe('state machine: random event sequences (property)', () => {
  it('never reaches a state with two winners, and every round decides at most once', () => {
    const seen = { decided: 0, reopened: 0 };
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 20, maxLength: 50 }), (steps) => {
        let now = T0;
        let state = createUnitState(
          { unit: makeUnit(), params: DEFAULT_PARAMS, roundId: 'r1' },
          now,
        ).state;
        // Start from three candidates so most generated events address something that exists.
        for (const [c, author] of [
          ['c1', 'a1'],
          ['c2', 'a2'],
          ['c3', 'a3'],
        ] as const) {
          const candidate = { id: cid(c, 'h1'), forms: { '': c }, sourceHash: 'h1' };
          const submitter = makeVoter(author);
          state = transition(state, { type: 'submitCandidate', candidate, submitter }, now).state;
        }
        const winners = new Map<Id, Id>();
        const reputationApplied = new Set<Id>();
        for (const { gen, advance } of steps) {
          now += advance;
          const r = transition(state, gen(state.unit.sourceHash), now);
          if (!r.ok) {
            expect(r.state).toBe(state);
            continue;
          }
          for (const e of r.effects as Effect[]) {
            if (e.type === 'publishDecision' && e.round.outcome?.decided) {
              expect(winners.has(e.round.id)).toBe(false);
              winners.set(e.round.id, e.round.outcome.winnerId ?? '');
              seen.decided += 1;
            }
            if (e.type === 'openRound' && e.number > 1) seen.reopened += 1;
            if (e.type === 'applyReputation') {
              expect(reputationApplied.has(e.roundId)).toBe(false);
              reputationApplied.add(e.roundId);
            }
          }
          state = r.state;
          checkInvariants(state);
        }
      }),
      { numRuns: 150 },
    );
    // The generator must actually exercise decisions and re-opens, or the property proves little.
    expect(seen.decided).toBeGreaterThan(50);
    expect(seen.reopened).toBeGreaterThan(50);
  });
});
