import type { TransitionResult, VotingEvent } from '../round/events';
import { transition } from '../round/state-machine';
import type { UnitVotingState } from '../model/types';
import { HOUR, makeCandidate, makeState, makeVote, makeVoter, T0 } from '../testing';
import { dedupeKey } from './dedupe';
import { isRateLimited, tryAcquire } from './rate-limit';

const base = () =>
  makeState({
    candidates: [
      makeCandidate({ id: 'c1', authorId: 'ann' }),
      makeCandidate({ id: 'c2', authorId: 'bob' }),
    ],
  });

function vote(
  state: UnitVotingState,
  voterId: string,
  candidateId: string,
  value: 1 | -1,
  now = T0 + HOUR,
  recentVotes?: number[],
) {
  const event: VotingEvent = {
    type: 'castVote',
    voter: makeVoter(voterId),
    candidateId,
    value,
    recentVotes,
  };
  return transition(state, event, now);
}

function errorOf(r: TransitionResult): string | null {
  return r.ok ? null : r.error.code;
}

describe('guard: SELF_VOTE', () => {
  it('refuses a vote by the author on their own candidate, leaving state unchanged', () => {
    const s = base();
    const r = vote(s, 'ann', 'c1', 1);
    expect(errorOf(r)).toBe('SELF_VOTE');
    expect(r.state).toBe(s);
    expect(r.effects).toEqual([]);
  });

  it('lets the author vote on someone else’s candidate', () => {
    expect(errorOf(vote(base(), 'ann', 'c2', -1))).toBeNull();
  });
});

describe('guard: one vote per (voter, candidate), replace and retract', () => {
  it('a second vote replaces the first (value, castAt, weight)', () => {
    const first = vote(base(), 'v', 'c1', 1).state;
    const second = vote(first, 'v', 'c1', -1, T0 + 2 * HOUR).state;
    const mine = second.votes.filter((x) => x.voterId === 'v' && x.candidateId === 'c1');
    expect(mine).toEqual([expect.objectContaining({ value: -1, castAt: T0 + 2 * HOUR })]);
  });

  it('the same vote twice is a no-op (a retried request)', () => {
    const first = vote(base(), 'v', 'c1', 1).state;
    const again = vote(first, 'v', 'c1', 1, T0 + 3 * HOUR);
    expect(again.state).toBe(first);
  });

  it('a replaced vote keeps its evaluation: a pair is judged once', () => {
    const s = makeState({
      round: {
        state: 'DECIDED',
        outcome: { decided: true, winnerId: 'c1', reasons: [], early: false },
      },
      candidates: [makeCandidate({ id: 'c1', authorId: 'ann' })],
      votes: [makeVote({ voterId: 'v', candidateId: 'c1', evaluatedInRound: 'r1' })],
    });
    const flipped = vote(s, 'v', 'c1', -1).state;
    expect(flipped.votes[0]).toMatchObject({ value: -1, evaluatedInRound: 'r1' });
  });

  it('retract removes the vote; retracting again is a no-op', () => {
    const voted = vote(base(), 'v', 'c1', 1).state;
    const r = transition(
      voted,
      { type: 'retractVote', voterId: 'v', candidateId: 'c1' },
      T0 + 2 * HOUR,
    );
    expect(r.state.votes).toEqual([]);
    const again = transition(
      r.state,
      { type: 'retractVote', voterId: 'v', candidateId: 'c1' },
      T0 + 3 * HOUR,
    );
    expect(again.ok && again.state).toBe(r.state);
  });
});

describe('guard: DUPLICATE_CANDIDATE becomes an upvote', () => {
  const submit = (s: UnitVotingState, userId: string, text: string, id = `new-${userId}`) =>
    transition(
      s,
      {
        type: 'submitCandidate',
        candidate: { id, forms: { '': text }, sourceHash: 'h1' },
        submitter: makeVoter(userId),
      },
      T0 + HOUR,
    );
  const s = makeState({
    candidates: [makeCandidate({ id: 'c1', authorId: 'ann', forms: { '': 'Café' } })],
  });

  it('identical text (after NFC) from another user is that user’s upvote, not a new candidate', () => {
    const r = submit(s, 'bob', 'Cafe\u0301');
    expect(r.ok).toBe(true);
    expect(r.state.candidates).toHaveLength(1);
    expect(r.state.votes).toEqual([
      expect.objectContaining({ voterId: 'bob', candidateId: 'c1', value: 1 }),
    ]);
    expect(r.effects).toContainEqual({
      type: 'candidateMerged',
      code: 'DUPLICATE_CANDIDATE',
      candidateId: 'c1',
      submitterId: 'bob',
      upvoted: true,
    });
  });

  it('identical text from the author is a no-op', () => {
    const r = submit(s, 'ann', 'Café');
    expect(r.state.votes).toEqual([]);
    expect(r.state.candidates).toHaveLength(1);
    expect(r.effects).toEqual([
      {
        type: 'candidateMerged',
        code: 'DUPLICATE_CANDIDATE',
        candidateId: 'c1',
        submitterId: 'ann',
        upvoted: false,
      },
    ]);
  });

  it('the dedupe key is NFC-normalised and independent of form order', () => {
    expect(dedupeKey({ one: 'e\u0301', other: 'x' })).toBe(dedupeKey({ other: 'x', one: 'é' }));
    expect(dedupeKey({ '': 'a' })).not.toBe(dedupeKey({ '': 'a ' }));
  });

  it('stores new candidates NFC-normalised', () => {
    const r = submit(s, 'bob', 'Cre\u0300me');
    expect(r.state.candidates[1]?.forms).toEqual({ '': 'Crème' });
  });

  it('an author has at most one active candidate per unit', () => {
    const r = submit(s, 'ann', 'Something else');
    expect(errorOf(r)).toBe('ACTIVE_CANDIDATE_EXISTS');
  });
});

describe('guard: RATE_LIMITED with an injected clock', () => {
  const sixty = Array.from({ length: 60 }, (_, i) => T0 + i * 60_000); // one a minute from T0

  it('the 61st vote inside one hour is refused', () => {
    expect(errorOf(vote(base(), 'v', 'c1', 1, T0 + 59 * 60_000 + 1, sixty))).toBe('RATE_LIMITED');
  });

  it('the window slides: once the oldest vote is an hour old, voting is allowed again', () => {
    expect(errorOf(vote(base(), 'v', 'c1', 1, T0 + HOUR, sixty))).toBeNull();
  });

  it('candidates are limited to 20 per hour', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => T0 + i);
    const r = transition(
      base(),
      {
        type: 'submitCandidate',
        candidate: { id: 'c9', forms: { '': 'x' }, sourceHash: 'h1' },
        submitter: makeVoter('zoe'),
        recentSubmissions: twenty,
      },
      T0 + 30 * 60_000,
    );
    expect(errorOf(r)).toBe('RATE_LIMITED');
  });

  it('the sliding window limiter acquires and refuses with the clock passed in', () => {
    let w = { max: 2, windowMs: HOUR, history: [] as readonly number[] };
    const at = (t: number) => {
      const r = tryAcquire(w, t);
      w = r.window;
      return r.allowed;
    };
    expect([at(T0), at(T0 + 1), at(T0 + 2), at(T0 + HOUR), at(T0 + HOUR + 1)]).toEqual([
      true,
      true,
      false,
      true,
      true,
    ]);
    expect(isRateLimited([T0, T0 + 1], T0 + 2, 2)).toBe(true);
  });
});

describe('guard: ROUND_CLOSING, CANDIDATE_INELIGIBLE and UNIT_LOCKED', () => {
  it('a round caught in CLOSING refuses votes and candidates', () => {
    const s = makeState({ round: { state: 'CLOSING' }, candidates: [makeCandidate({ id: 'c1' })] });
    expect(errorOf(vote(s, 'v', 'c1', 1))).toBe('ROUND_CLOSING');
    expect(
      errorOf(transition(s, { type: 'retractVote', voterId: 'v', candidateId: 'c1' }, T0)),
    ).toBe('ROUND_CLOSING');
  });

  it('a tick resolves a round left in CLOSING', () => {
    const s = makeState({ round: { state: 'CLOSING' }, candidates: [makeCandidate({ id: 'c1' })] });
    expect(transition(s, { type: 'tick' }, T0 + HOUR).state.round.state).not.toBe('CLOSING');
  });

  it.each([
    ['withdrawn', makeCandidate({ id: 'c1', status: 'withdrawn' })],
    ['rejected', makeCandidate({ id: 'c1', status: 'rejected' })],
    ['outdated', makeCandidate({ id: 'c1', sourceHash: 'h0' })],
    ['failing checks', makeCandidate({ id: 'c1', blockingErrors: ['EMPTY'] })],
  ])('a %s candidate cannot receive votes', (_label, candidate) => {
    expect(errorOf(vote(makeState({ candidates: [candidate] }), 'v', 'c1', 1))).toBe(
      'CANDIDATE_INELIGIBLE',
    );
  });

  it('a candidate by a banned author cannot receive votes', () => {
    const s = makeState({
      candidates: [makeCandidate({ id: 'c1', authorId: 'x' })],
      bannedUserIds: ['x'],
    });
    expect(errorOf(vote(s, 'v', 'c1', 1))).toBe('CANDIDATE_INELIGIBLE');
  });

  it('a locked unit refuses votes, retractions and candidates', () => {
    const s = makeState({ unit: { locked: true }, candidates: [makeCandidate({ id: 'c1' })] });
    expect(errorOf(vote(s, 'v', 'c1', 1))).toBe('UNIT_LOCKED');
    expect(
      errorOf(
        transition(
          s,
          {
            type: 'submitCandidate',
            candidate: { id: 'c2', forms: { '': 'x' }, sourceHash: 'h1' },
            submitter: makeVoter('z'),
          },
          T0,
        ),
      ),
    ).toBe('UNIT_LOCKED');
  });

  it('an unknown candidate id is refused', () => {
    expect(errorOf(vote(base(), 'v', 'nope', 1))).toBe('UNKNOWN_CANDIDATE');
  });

  it('only the author may withdraw', () => {
    const s = base();
    expect(
      errorOf(transition(s, { type: 'withdrawCandidate', candidateId: 'c1', userId: 'bob' }, T0)),
    ).toBe('NOT_AUTHOR');
    const r = transition(s, { type: 'withdrawCandidate', candidateId: 'c1', userId: 'ann' }, T0);
    expect(r.state.candidates[0]?.status).toBe('withdrawn');
  });
});

describe('guard: weights are snapshotted at cast', () => {
  it('a newcomer’s vote keeps 0.55 even after their reputation grows', () => {
    const s = vote(base(), 'v', 'c1', 1).state;
    expect(s.votes[0]?.weight).toBeCloseTo(0.55, 12);
  });

  it('collusionFlagged lowers existing mutual votes to wMin and nothing else', () => {
    let s = vote(base(), 'v', 'c1', 1).state;
    s = vote(s, 'v', 'c2', 1).state;
    const r = transition(s, { type: 'collusionFlagged', pairs: [['ann', 'v']] }, T0 + 2 * HOUR);
    expect(r.state.votes.map((x) => x.weight)).toEqual([0.1, 0.55]);
  });
});
