import type { Candidate, UnitVotingState, Vote } from '../model/types';
import { DAY, HOUR, makeCandidate, makeState, makeVote, T0 } from '../testing';
import type { CommunityMember } from './community';
import { communityOf, decisionWeight, fieldState, thresholdsFor } from './community';
import { evaluate } from './evaluate';
import { needsDecisionOf, needsManager } from './needs-decision';
import { resolveParams, TUNED_PARAMS } from './params';
import { transition } from './state-machine';

const P = resolveParams(TUNED_PARAMS);
const NEWCOMER_WEIGHT = 0.55; // wMin + (1 − wMin)·½: an established account without a record
const OLD = T0 - 365 * DAY;

const member = (userId: string, over: Partial<CommunityMember> = {}): CommunityMember => ({
  userId,
  accountCreatedAt: OLD,
  agree: 0,
  disagree: 0,
  ...over,
});
const members = (prefix: string, n: number, over: Partial<CommunityMember> = {}) =>
  Array.from({ length: n }, (_, i) => member(`${prefix}${i + 1}`, over));

function withCommunity(
  candidates: readonly Candidate[],
  votes: readonly Vote[],
  people: readonly CommunityMember[],
  flagged: readonly string[] = [],
  now = T0 + 7 * DAY,
): UnitVotingState {
  const state = makeState({ params: TUNED_PARAMS, candidates, votes });
  return { ...state, community: communityOf(people, flagged, now, P) };
}

describe('community thresholds: quorum and minimum votes follow the number of active people', () => {
  const at = (n: number) => thresholdsFor(P, communityOf(members('m', n), [], T0, P));

  it('a team of 3 needs 2 voters and 2 upvotes (the author cannot vote for their own text)', () => {
    expect(at(3)).toEqual({ quorum: 2, minVotes: 2 });
  });

  it('a team of 4 needs 3 voters but 2 upvotes; from 5 people on, the project values apply', () => {
    expect(at(4)).toEqual({ quorum: 3, minVotes: 2 });
    expect(at(5)).toEqual({ quorum: 3, minVotes: 3 });
    expect(at(300)).toEqual({ quorum: 3, minVotes: 3 });
  });

  it('never drops below two people, and without a community the fixed values apply', () => {
    expect(at(1)).toEqual({ quorum: 2, minVotes: 2 });
    expect(thresholdsFor(P, undefined)).toEqual({ quorum: 3, minVotes: 3 });
  });
});

describe('scenario: a team of three decides among themselves', () => {
  // Alice wrote c1; Bob and Carol (no record yet) upvote it; their cast weight is a newcomer's.
  const candidates = [makeCandidate({ id: 'c1', authorId: 'alice' })];
  const votes = ['bob', 'carol'].map((voterId) =>
    makeVote({ voterId, candidateId: 'c1', weight: NEWCOMER_WEIGHT, castAt: T0 + HOUR }),
  );
  const team = [member('alice'), member('bob'), member('carol')];

  it('two upvotes and the author’s endorsement decide at the deadline, each counting 1', () => {
    const r = evaluate(withCommunity(candidates, votes, team), false);
    expect(r.ranked[0]?.score.wPlus).toBe(3);
    expect(r.ranked[0]?.upvoterIds).toEqual(['alice', 'bob', 'carol']);
    expect(r.decided).toBe(true);
    expect(r.winnerId).toBe('c1');
  });

  it('the fixed rule (no community) leaves them undecided for ever: QUORUM, MIN_VOTES, MIN_SCORE', () => {
    const r = evaluate(makeState({ params: TUNED_PARAMS, candidates, votes }), false);
    expect(r.decided).toBe(false);
    expect(r.reasons).toEqual(['QUORUM', 'MIN_VOTES', 'MIN_SCORE']);
  });

  it('once everyone has voted the round closes without waiting for the deadline', () => {
    const base = withCommunity(candidates, [votes[0]!], team, [], T0);
    const state: UnitVotingState = {
      ...base,
      round: { ...base.round, collectingSince: T0, deadline: T0 + P.duration },
    };
    const r = transition(
      state,
      {
        type: 'castVote',
        voter: {
          userId: 'carol',
          accountCreatedAt: OLD,
          banned: false,
          agree: 0,
          disagree: 0,
          collusionPartners: [],
        },
        candidateId: 'c1',
        value: 1,
      },
      T0 + P.minDuration,
    );
    // Complete: the deadline's score on real votes only (two upvotes, LB 0.549), the early margin.
    expect(r.ok && r.state.round.state).toBe('DECIDED');
    expect(r.state.round.outcome).toMatchObject({ decided: true, winnerId: 'c1', early: true });
  });
});

describe('scenario: a team of three, Bob (author of c2) upvotes c1 and Carol upvotes c2', () => {
  it('Bob concedes: c1 leads with Alice’s endorsement, decided at the deadline, not before', () => {
    const candidates = [
      makeCandidate({ id: 'c1', authorId: 'alice' }),
      makeCandidate({ id: 'c2', authorId: 'bob' }),
    ];
    const votes = [
      makeVote({ voterId: 'bob', candidateId: 'c1', castAt: T0 + HOUR }),
      makeVote({ voterId: 'carol', candidateId: 'c2', castAt: T0 + HOUR }),
    ];
    const base = withCommunity(candidates, votes, [
      member('alice'),
      member('bob'),
      member('carol'),
    ]);
    const state: UnitVotingState = {
      ...base,
      round: { ...base.round, collectingSince: T0, deadline: T0 + P.duration },
    };
    // Complete, but before the deadline only real votes count: 1–1 waits.
    expect(fieldState(state, candidates, P, T0 + DAY)).toBe('COMPLETE');
    expect(transition(state, { type: 'tick' }, T0 + DAY).state.round.state).toBe('COLLECTING');
    const closed = transition(state, { type: 'tick' }, T0 + P.duration).state.round;
    expect(closed.outcome).toMatchObject({ decided: true, winnerId: 'c1', early: false });
  });
});

describe('scenario: launch day, every account is new', () => {
  const candidates = [makeCandidate({ id: 'c1' })];
  // Accounts created at T0 vote within the hour: their cast weight is wMin.
  const fresh = ['n1', 'n2', 'n3'].map((voterId) =>
    makeVote({ voterId, candidateId: 'c1', weight: P.wMin, castAt: T0 + HOUR }),
  );

  it('new accounts are not mute where everyone is new: three upvotes decide', () => {
    const everyoneNew = members('n', 20, { accountCreatedAt: T0 });
    const r = evaluate(withCommunity(candidates, fresh, everyoneNew, [], T0 + DAY), false);
    expect(r.ranked[0]?.score.wPlus).toBe(3);
    expect(r.decided).toBe(true);
  });

  it('their votes still count when the round is decided after the accounts have aged', () => {
    const everyoneNew = members('n', 20, { accountCreatedAt: T0 });
    const r = evaluate(withCommunity(candidates, fresh, everyoneNew, [], T0 + 8 * DAY), false);
    expect(r.decided).toBe(true);
  });

  it('the same three fresh accounts in an established locale count wMin relative and cannot decide', () => {
    const locale = [...members('old', 100), ...members('n', 3, { accountCreatedAt: T0 })];
    const state = withCommunity(candidates, fresh, locale, [], T0 + DAY);
    const weight = decisionWeight(fresh[0]!, state.community, P);
    expect(weight).toBeCloseTo(P.wMin / NEWCOMER_WEIGHT, 9);
    expect(evaluate(state, false).reasons).toContain('MIN_SCORE');
  });
});

describe('scenario: a flagged ring of 14 accounts and one outside upvote', () => {
  const candidates = [
    makeCandidate({ id: 'ring', createdAt: T0 }),
    makeCandidate({ id: 'good', createdAt: T0 }),
  ];
  const ring = Array.from({ length: 14 }, (_, i) => `r${i + 1}`);
  const votes = [
    ...ring.map((voterId) => makeVote({ voterId, candidateId: 'ring', weight: 1 })),
    ...ring.map((voterId) => makeVote({ voterId, candidateId: 'good', value: -1, weight: 1 })),
    makeVote({ voterId: 'x', candidateId: 'ring', weight: 1 }),
    ...['h1', 'h2', 'h3'].map((voterId) => makeVote({ voterId, candidateId: 'good', weight: 1 })),
  ];
  const people = [...members('h', 40), ...ring.map((id) => member(id)), member('x')];
  const state = withCommunity(candidates, votes, people, ring);
  const r = evaluate(state, false);
  const ringScore = r.ranked.find((c) => c.id === 'ring')!;
  const goodScore = r.ranked.find((c) => c.id === 'good')!;

  it('flagged upvotes are not distinct upvoters: the ring candidate has one (the outside vote)', () => {
    expect(ringScore.score.upvoters).toBe(1);
    expect(ringScore.upvoterIds).toEqual(['x']);
  });

  it('the ring speaks with one flagged voice; its downvotes beside its upvotes add nothing', () => {
    const oneFlagged = P.wMin / NEWCOMER_WEIGHT;
    expect(ringScore.score.wPlus).toBeCloseTo(1 + oneFlagged, 9);
    expect(goodScore.score.wMinus).toBe(0);
  });

  it('three honest upvotes win against fourteen flagged downvotes', () => {
    expect(r.decided).toBe(true);
    expect(r.winnerId).toBe('good');
  });

  it('without the flags the ring wins', () => {
    expect(evaluate(withCommunity(candidates, votes, people), false).winnerId).toBe('ring');
  });
});

describe('scenario: a decision that rested on a ring is taken back when the ring is flagged', () => {
  const candidates = [makeCandidate({ id: 'ring' }), makeCandidate({ id: 'good' })];
  const ring = ['r1', 'r2', 'r3', 'r4'];
  const votes = ring.map((voterId) => makeVote({ voterId, candidateId: 'ring' }));
  const people = [...members('h', 20), ...ring.map((id) => member(id))];
  const decided = withCommunity(candidates, votes, people);
  const closed = transition(
    { ...decided, round: { ...decided.round, deadline: T0 + DAY } },
    { type: 'tick' },
    T0 + DAY,
  );

  it('the ring first wins on its own votes', () => {
    expect(closed.state.round.outcome?.winnerId).toBe('ring');
    expect(closed.state.publishedWinner?.candidateId).toBe('ring');
  });

  it('collusionFlagged stops shipping it and opens a new round with the same votes', () => {
    const flaggedState: UnitVotingState = {
      ...closed.state,
      community: communityOf(people, ring, T0 + 2 * DAY, P),
    };
    const r = transition(
      flaggedState,
      {
        type: 'collusionFlagged',
        pairs: [
          ['r1', 'r2'],
          ['r3', 'r4'],
        ],
      },
      T0 + 2 * DAY,
    );
    expect(r.state.publishedWinner).toBeNull();
    expect(r.effects.map((e) => e.type)).toEqual(['revokeWinner', 'openRound', 'scheduleClose']);
    expect(r.state.round).toMatchObject({ number: 2, state: 'COLLECTING' });
  });
});

describe('scenario: no early decision before the field is in', () => {
  // c1 has six unanimous upvotes; c2 arrived an hour ago and nobody has voted since.
  const candidates = [
    makeCandidate({ id: 'c1', createdAt: T0 }),
    makeCandidate({ id: 'c2', createdAt: T0 + 23 * HOUR }),
  ];
  const votes = Array.from({ length: 6 }, (_, i) =>
    makeVote({ voterId: `v${i}`, candidateId: 'c1', castAt: T0 + i * HOUR }),
  );
  const people = members('m', 50);
  const state = withCommunity(candidates, votes, people, [], T0 + DAY);

  it('is OPEN while a candidate is fresh and fewer than a quorum voted after it', () => {
    expect(fieldState(state, candidates, P, T0 + DAY)).toBe('OPEN');
  });

  it('a tick then does not close the round early, though the early thresholds pass', () => {
    expect(evaluate(state, true).decided).toBe(true);
    const r = transition(state, { type: 'tick' }, T0 + DAY);
    expect(r.state.round.state).toBe('COLLECTING');
  });

  it('is IN once minDuration has passed since the last candidate…', () => {
    expect(fieldState(state, candidates, P, T0 + 23 * HOUR + P.minDuration)).toBe('IN');
  });

  it('…or once a quorum voted after it (they saw every candidate)', () => {
    const after = ['a', 'b', 'c'].map((voterId) =>
      makeVote({ voterId, candidateId: 'c1', castAt: T0 + 23 * HOUR + 1 }),
    );
    expect(fieldState({ ...state, votes: [...votes, ...after] }, candidates, P, T0 + DAY)).toBe(
      'IN',
    );
  });
});

describe('needs a decision: a round past its deadline without a decision', () => {
  const starving = makeState({
    params: TUNED_PARAMS,
    candidates: [makeCandidate({ id: 'c1' })],
    votes: [makeVote({ voterId: 'v1', candidateId: 'c1' })],
  });

  it('an extended round is in the queue with its reasons and extendedUntil', () => {
    const r = transition(starving, { type: 'tick' }, T0 + P.duration);
    const extended = r.effects.find((e) => e.type === 'roundExtended');
    expect(extended).toMatchObject({ reasons: ['QUORUM', 'MIN_VOTES', 'MIN_SCORE'] });
    expect(needsManager(r.state.round)).toBe(true);
    expect(needsDecisionOf(r.state.round, ['QUORUM'])).toEqual({
      reasons: ['QUORUM'],
      extendedUntil: T0 + P.duration + P.extension,
    });
  });

  it('a round closed undecided at its deadline stays in the queue; an open one is not', () => {
    const r = transition(starving, { type: 'tick' }, T0 + P.duration);
    const closed = transition(r.state, { type: 'tick' }, T0 + P.duration + P.extension);
    expect(closed.state.round.state).toBe('UNDECIDED');
    expect(needsDecisionOf(closed.state.round, [])).toEqual({
      reasons: ['QUORUM', 'MIN_VOTES', 'MIN_SCORE'],
      extendedUntil: null,
    });
    expect(needsManager(starving.round)).toBe(false);
  });
});
