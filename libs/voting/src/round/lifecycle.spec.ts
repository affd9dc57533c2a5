import type { Effect, TransitionResult, VotingEvent } from './events';
import type { UnitVotingState } from '../model/types';
import { DAY, HOUR, makeUnit, makeVoter, T0 } from '../testing';
import { DEFAULT_PARAMS } from './params';
import { createUnitState, transition } from './state-machine';

/** Voters with a long, clean record vote at (almost) full weight. */
const expert = (id: string) => makeVoter(id, { agree: 1000 });

function open(): UnitVotingState {
  return createUnitState({ unit: makeUnit(), params: DEFAULT_PARAMS, roundId: 'r1' }, T0).state;
}

function ok(r: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
  return r;
}

function submit(
  state: UnitVotingState,
  id: string,
  at: number,
  extra: { blockingErrors?: string[] } = {},
) {
  const event: VotingEvent = {
    type: 'submitCandidate',
    candidate: { id, forms: { '': `text ${id}` }, sourceHash: state.unit.sourceHash, ...extra },
    submitter: makeVoter(`author-${id}`),
  };
  return ok(transition(state, event, at));
}

function votes(
  state: UnitVotingState,
  candidateId: string,
  n: number,
  at: number,
  prefix = candidateId,
) {
  let s = state;
  const effects: Effect[] = [];
  for (let i = 1; i <= n; i += 1) {
    const r = ok(
      transition(
        s,
        { type: 'castVote', voter: expert(`${prefix}-v${i}`), candidateId, value: 1 },
        at,
      ),
    );
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}

const tick = (state: UnitVotingState, at: number) => ok(transition(state, { type: 'tick' }, at));
const types = (effects: readonly Effect[]) => effects.map((e) => e.type);

describe('lifecycle: OPEN → COLLECTING on the first eligible candidate', () => {
  const s0 = open();

  it('a new unit starts OPEN with no timer', () => {
    expect(s0.round).toMatchObject({
      state: 'OPEN',
      number: 1,
      collectingSince: null,
      deadline: null,
    });
  });

  it('a candidate with a blocking validation error does not start the round', () => {
    const r = submit(s0, 'broken', T0 + HOUR, { blockingErrors: ['PLACEHOLDER_MISSING'] });
    expect(r.state.round.state).toBe('OPEN');
    expect(r.effects).toEqual([]);
  });

  it('an eligible candidate starts collecting and schedules the close at now + duration', () => {
    const r = submit(s0, 'c1', T0 + HOUR);
    expect(r.state.round).toMatchObject({
      state: 'COLLECTING',
      collectingSince: T0 + HOUR,
      deadline: T0 + HOUR + 7 * DAY,
    });
    expect(r.effects).toEqual([{ type: 'scheduleClose', roundId: 'r1', at: T0 + HOUR + 7 * DAY }]);
  });
});

describe('lifecycle: early close requires minDuration', () => {
  const collecting = submit(open(), 'c1', T0).state;
  const voted = votes(collecting, 'c1', 12, T0 + HOUR);

  it('decisive votes before minDuration do not close the round', () => {
    expect(voted.state.round.state).toBe('COLLECTING');
    expect(tick(voted.state, T0 + 24 * HOUR - 1).state.round.state).toBe('COLLECTING');
  });

  it('the first tick at collectingSince + minDuration decides early', () => {
    const r = tick(voted.state, T0 + 24 * HOUR);
    expect(r.state.round.state).toBe('DECIDED');
    expect(r.state.round.outcome).toEqual({
      decided: true,
      winnerId: 'c1',
      reasons: [],
      early: true,
    });
    expect(types(r.effects)).toEqual(['cancelClose', 'publishDecision', 'applyReputation']);
    expect(r.state.publishedWinner).toMatchObject({ roundId: 'r1', candidateId: 'c1' });
  });

  it('a vote after minDuration triggers the early close itself', () => {
    const more = votes(collecting, 'c1', 11, T0 + HOUR);
    const r = ok(
      transition(
        more.state,
        { type: 'castVote', voter: expert('late'), candidateId: 'c1', value: 1 },
        T0 + 2 * DAY,
      ),
    );
    expect(r.state.round.state).toBe('DECIDED');
  });

  it('five votes (enough at the deadline, not early) wait for the deadline', () => {
    const five = votes(collecting, 'c1', 5, T0 + HOUR).state;
    expect(tick(five, T0 + 3 * DAY).state.round.state).toBe('COLLECTING');
    const closed = tick(five, T0 + 7 * DAY);
    expect(closed.state.round.outcome).toMatchObject({
      decided: true,
      winnerId: 'c1',
      early: false,
    });
  });
});

describe('lifecycle: a deadline extends only for QUORUM or MIN_VOTES', () => {
  const collecting = submit(open(), 'c1', T0).state;

  it('too few voters → one extension of `extension`, then UNDECIDED', () => {
    const two = votes(collecting, 'c1', 2, T0 + HOUR).state;
    const extended = tick(two, T0 + 7 * DAY);
    expect(extended.state.round).toMatchObject({
      state: 'COLLECTING',
      deadline: T0 + 14 * DAY,
      extensionsUsed: 1,
    });
    expect(types(extended.effects)).toEqual(['roundExtended', 'publishDecision', 'scheduleClose']);
    expect(extended.effects[0]).toEqual({
      type: 'roundExtended',
      roundId: 'r1',
      deadline: T0 + 14 * DAY,
      extensionsUsed: 1,
      reasons: ['QUORUM', 'MIN_VOTES', 'MIN_SCORE'],
    });
    // Not silent: the still-collecting round is published with what it is missing.
    expect(extended.effects[1]).toMatchObject({
      type: 'publishDecision',
      round: { state: 'COLLECTING', extensionsUsed: 1 },
      explanation: { outcome: 'UNDECIDED', reasons: ['QUORUM', 'MIN_VOTES', 'MIN_SCORE'] },
    });
    const closed = tick(extended.state, T0 + 14 * DAY);
    expect(closed.state.round.state).toBe('UNDECIDED');
    expect(closed.state.round.outcome?.reasons).toEqual(['QUORUM', 'MIN_VOTES', 'MIN_SCORE']);
  });

  it('enough voters but a low score → UNDECIDED at once, no extension', () => {
    let s = collecting;
    for (let i = 1; i <= 3; i += 1) {
      s = ok(
        transition(
          s,
          { type: 'castVote', voter: makeVoter(`n${i}`), candidateId: 'c1', value: 1 },
          T0 + HOUR,
        ),
      ).state;
    }
    const closed = tick(s, T0 + 7 * DAY);
    expect(closed.state.round).toMatchObject({ state: 'UNDECIDED', extensionsUsed: 0 });
    expect(closed.state.round.outcome?.reasons).toEqual(['MIN_SCORE']);
    expect(types(closed.effects)).toEqual(['publishDecision']);
  });
});

describe('lifecycle: an exact tie is UNDECIDED', () => {
  it('two candidates with four equal upvotes each close UNDECIDED with MIN_MARGIN', () => {
    let s = submit(submit(open(), 'b', T0).state, 'a', T0).state;
    s = votes(s, 'a', 4, T0 + HOUR, 'a').state;
    s = votes(s, 'b', 4, T0 + HOUR, 'b').state;
    const closed = tick(s, T0 + 7 * DAY);
    expect(closed.state.round.outcome).toEqual({
      decided: false,
      winnerId: null,
      reasons: ['MIN_MARGIN'],
      early: false,
    });
    const published = closed.effects.find((e) => e.type === 'publishDecision');
    expect(
      published?.type === 'publishDecision' &&
        published.explanation.candidates.map((c) => c.candidateId),
    ).toEqual(['a', 'b']);
  });
});

describe('lifecycle: manager approval decides', () => {
  it('approve → DECIDED with MANAGER_APPROVED, even against the votes', () => {
    let s = submit(submit(open(), 'c1', T0).state, 'c2', T0).state;
    s = votes(s, 'c1', 6, T0 + HOUR).state;
    const r = ok(transition(s, { type: 'managerApprove', candidateId: 'c2' }, T0 + 2 * HOUR));
    expect(r.state.round.outcome).toMatchObject({
      decided: true,
      winnerId: 'c2',
      reasons: ['MANAGER_APPROVED'],
    });
    expect(types(r.effects)).toEqual(['cancelClose', 'publishDecision', 'applyReputation']);
  });

  it('approve in a DECIDED round opens round n+1 and decides it at once', () => {
    let s = submit(submit(open(), 'c1', T0).state, 'c2', T0).state;
    s = votes(s, 'c1', 12, T0 + HOUR).state;
    s = tick(s, T0 + DAY).state;
    const r = ok(transition(s, { type: 'managerApprove', candidateId: 'c2' }, T0 + 2 * DAY));
    expect(r.state.round).toMatchObject({ id: 'u1:2', number: 2, state: 'DECIDED' });
    expect(r.state.publishedWinner?.candidateId).toBe('c2');
    expect(r.effects[0]).toMatchObject({ type: 'openRound', number: 2, cause: 'MANAGER_APPROVED' });
  });

  it('a manager-rejected candidate stays in the round and the round goes on', () => {
    const s = submit(submit(open(), 'c1', T0).state, 'c2', T0).state;
    const r = ok(transition(s, { type: 'managerReject', candidateId: 'c2' }, T0 + HOUR));
    expect(r.state.candidates.find((c) => c.id === 'c2')?.status).toBe('rejected');
    expect(r.state.round.rejectedCandidateIds).toEqual(['c2']);
    expect(r.state.round.state).toBe('COLLECTING');
  });
});

describe('lifecycle: a source change', () => {
  let s = submit(submit(open(), 'c1', T0).state, 'c2', T0).state;
  s = votes(s, 'c1', 12, T0 + HOUR).state;
  const decided = tick(s, T0 + DAY).state;
  const r = ok(transition(decided, { type: 'sourceChanged', sourceHash: 'h2' }, T0 + 2 * DAY));

  it('marks every candidate of the old source outdated', () => {
    expect(r.state.candidates.map((c) => c.status)).toEqual(['outdated', 'outdated']);
    expect(r.effects).toContainEqual({ type: 'markOutdated', candidateIds: ['c1', 'c2'] });
  });

  it('marks the old winner stale and unpublishes it', () => {
    expect(r.effects).toContainEqual({
      type: 'markStale',
      roundId: 'r1',
      candidateId: 'c1',
      sourceHash: 'h1',
    });
    expect(r.state.publishedWinner).toBeNull();
  });

  it('opens a new round in OPEN for the new hash', () => {
    expect(r.state.unit.sourceHash).toBe('h2');
    expect(r.state.round).toMatchObject({ number: 2, state: 'OPEN', sourceHash: 'h2' });
  });

  it('ends a running round UNDECIDED with SOURCE_CHANGED and no reputation', () => {
    const running = votes(s, 'c2', 2, T0 + 2 * HOUR).state;
    const changed = ok(
      transition(running, { type: 'sourceChanged', sourceHash: 'h2' }, T0 + 3 * HOUR),
    );
    const closed = changed.effects.find((e) => e.type === 'publishDecision');
    expect(closed?.type === 'publishDecision' && closed.round).toMatchObject({
      id: 'r1',
      state: 'UNDECIDED',
      outcome: { reasons: ['SOURCE_CHANGED'] },
    });
    expect(types(changed.effects)).not.toContain('applyReputation');
  });

  it('refuses candidates for the old hash afterwards', () => {
    const late = transition(
      r.state,
      {
        type: 'submitCandidate',
        candidate: { id: 'c3', forms: { '': 'x' }, sourceHash: 'h1' },
        submitter: makeVoter('z'),
      },
      T0 + 3 * DAY,
    );
    expect(!late.ok && late.error.code).toBe('CANDIDATE_INELIGIBLE');
  });
});

describe('lifecycle: a challenger re-opens a DECIDED round only past reopenMargin', () => {
  // c1 wins with 5 upvotes at the deadline (LB 0.5655).
  let s = submit(submit(open(), 'c1', T0).state, 'c2', T0).state;
  s = votes(s, 'c1', 5, T0 + HOUR).state;
  const decided = tick(s, T0 + 7 * DAY).state;

  it('starts DECIDED for c1', () => {
    expect(decided.round.outcome?.winnerId).toBe('c1');
  });

  it('c2 at 7 upvotes (LB 0.646, +0.08) does not re-open', () => {
    const r = votes(decided, 'c2', 7, T0 + 8 * DAY);
    expect(r.state.round).toMatchObject({ id: 'r1', state: 'DECIDED' });
  });

  it('c2 at 9 upvotes (LB 0.70, +0.135) re-opens round 2 in COLLECTING', () => {
    const r = votes(decided, 'c2', 9, T0 + 8 * DAY);
    expect(r.state.round).toMatchObject({ id: 'u1:2', number: 2, state: 'COLLECTING' });
    expect(r.effects).toContainEqual({
      type: 'openRound',
      roundId: 'u1:2',
      number: 2,
      state: 'COLLECTING',
      cause: 'CHALLENGE',
    });
    // The old winner stays published until round 2 decides.
    expect(r.state.publishedWinner?.candidateId).toBe('c1');
  });

  it('the challenger also needs minVotes upvoters', () => {
    const strict = {
      ...decided,
      round: { ...decided.round, params: { ...decided.round.params, minVotes: 10 } },
    };
    expect(votes(strict, 'c2', 9, T0 + 8 * DAY).state.round.state).toBe('DECIDED');
  });
});

describe('lifecycle: an UNDECIDED round re-opens only after the cooldown', () => {
  let s = submit(open(), 'c1', T0).state;
  s = votes(s, 'c1', 3, T0 + HOUR).state;
  const undecided = tick(s, T0 + 7 * DAY).state;
  const closedAt = T0 + 7 * DAY;

  it('closes UNDECIDED (3 expert votes: LB 0.438 < 0.5)', () => {
    expect(undecided.round).toMatchObject({ state: 'UNDECIDED', closedAt });
  });

  it('a tick after the cooldown without new activity does nothing', () => {
    expect(tick(undecided, closedAt + 2 * DAY).state.round.id).toBe('r1');
  });

  it('a new vote marks it dirty but waits for the cooldown', () => {
    const dirty = votes(undecided, 'c1', 1, closedAt + HOUR, 'late').state;
    expect(dirty.round).toMatchObject({ id: 'r1', state: 'UNDECIDED', dirty: true });
    expect(tick(dirty, closedAt + 24 * HOUR - 1).state.round.id).toBe('r1');
    const reopened = tick(dirty, closedAt + 24 * HOUR);
    expect(reopened.state.round).toMatchObject({
      id: 'u1:2',
      state: 'COLLECTING',
      collectingSince: closedAt + 24 * HOUR,
    });
    expect(reopened.effects[0]).toMatchObject({ type: 'openRound', cause: 'COOLDOWN' });
  });

  it('round 2 carries the votes over and can decide', () => {
    const dirty = votes(undecided, 'c1', 2, closedAt + HOUR, 'late').state;
    const round2 = tick(dirty, closedAt + DAY).state;
    const decided = tick(round2, closedAt + DAY + 7 * DAY);
    expect(decided.state.round.outcome).toMatchObject({ decided: true, winnerId: 'c1' });
  });
});
