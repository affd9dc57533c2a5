import type { Candidate, Vote } from '../model/types';
import { DAY, HOUR, makeCandidate, makeState, makeVote, T0 } from '../testing';
import type { CommunityMember } from './community';
import { communityOf, fieldState } from './community';
import { authorEndorsements, authorsEndorse } from './endorsement';
import { evaluate, scoreCandidates } from './evaluate';
import { resolveParams, TUNED_PARAMS } from './params';

const P = resolveParams(TUNED_PARAMS);
const member = (userId: string): CommunityMember => ({
  userId,
  accountCreatedAt: T0 - 365 * DAY,
  agree: 0,
  disagree: 0,
});
const team = (...ids: string[]) => communityOf(ids.map(member), [], T0 + DAY, P);
const crowd = communityOf(
  Array.from({ length: 30 }, (_, i) => member(`m${i + 1}`)),
  [],
  T0 + DAY,
  P,
);
const stateWith = (
  candidates: readonly Candidate[],
  votes: readonly Vote[],
  community = team('alice', 'bob', 'carol'),
) => ({ ...makeState({ params: TUNED_PARAMS, candidates, votes }), community });

describe('authorsEndorse: only where minimum votes had to scale down', () => {
  it('a team of three or four: yes; five or more, or no community: no', () => {
    expect(authorsEndorse(team('a', 'b', 'c'), P)).toBe(true);
    expect(authorsEndorse(team('a', 'b', 'c', 'd'), P)).toBe(true);
    expect(authorsEndorse(team('a', 'b', 'c', 'd', 'e'), P)).toBe(false);
    expect(authorsEndorse(undefined, P)).toBe(false);
  });
});

describe('authorEndorsements', () => {
  const c1 = makeCandidate({ id: 'c1', authorId: 'alice', createdAt: T0 });
  const c2 = makeCandidate({ id: 'c2', authorId: 'bob', createdAt: T0 + HOUR });

  it('an author who upvoted nothing endorses their candidate, as of its submission', () => {
    expect(authorEndorsements([c1], [], [], team('alice', 'bob', 'carol'), P)).toEqual([
      {
        voterId: 'alice',
        candidateId: 'c1',
        value: 1,
        castAt: T0,
        weight: 1,
        evaluatedInRound: null,
      },
    ]);
  });

  it('an author who upvoted a rival concedes: no endorsement', () => {
    const votes = [makeVote({ voterId: 'bob', candidateId: 'c1' })];
    const ids = authorEndorsements([c1, c2], votes, [], team('alice', 'bob', 'carol'), P).map(
      (v) => v.voterId,
    );
    expect(ids).toEqual(['alice']);
  });

  it('never a banned author, an author outside the community (an import) or in a crowd', () => {
    const imported = makeCandidate({ id: 'c3', authorId: 'import:7' });
    expect(authorEndorsements([c1], [], ['alice'], team('alice', 'bob', 'carol'), P)).toEqual([]);
    expect(authorEndorsements([imported], [], [], team('alice', 'bob', 'carol'), P)).toEqual([]);
    expect(authorEndorsements([c1], [], [], crowd, P)).toEqual([]);
  });
});

describe('scenario: a team of three, one candidate, one reviewer', () => {
  const candidates = [makeCandidate({ id: 'c1', authorId: 'alice' })];
  const votes = [makeVote({ voterId: 'bob', candidateId: 'c1', castAt: T0 + HOUR })];
  const state = stateWith(candidates, votes);

  it('at the deadline the endorsement makes two upvoters, but one voter is short of quorum', () => {
    const r = evaluate(state, false);
    expect(r.ranked[0]?.upvoterIds).toEqual(['alice', 'bob']);
    expect(r.distinctVoters).toBe(1);
    expect(r.reasons).toEqual(['QUORUM']);
  });

  it('Bob upvotes, Carol downvotes: a quorum, but a 2–1 split is no decision', () => {
    const split = stateWith(candidates, [
      ...votes,
      makeVote({ voterId: 'carol', candidateId: 'c1', value: -1, castAt: T0 + HOUR }),
    ]);
    // Carol's downvote counts (she upvoted nothing): two voters, but 2–1 is short of minScore.
    expect(evaluate(split, false)).toMatchObject({
      decided: false,
      distinctVoters: 2,
      reasons: ['MIN_SCORE'],
    });
  });

  it('carol has not voted: the field is not complete', () => {
    expect(fieldState(state, candidates, P, T0 + 2 * HOUR)).not.toBe('COMPLETE');
  });

  it('before the deadline (early, or a complete field) only real votes count', () => {
    expect(scoreCandidates(state, false)[0]?.upvoterIds).toEqual(['bob']);
    expect(evaluate(state, true).decided).toBe(false);
    expect(evaluate(state, 'complete').decided).toBe(false);
  });
});

describe('a downvote beside an upvote of a rival (with a community)', () => {
  const candidates = [makeCandidate({ id: 'a' }), makeCandidate({ id: 'b' })];
  const votes = [
    makeVote({ voterId: 'm1', candidateId: 'a' }),
    makeVote({ voterId: 'm1', candidateId: 'b', value: -1 }),
    makeVote({ voterId: 'm2', candidateId: 'b', value: -1 }),
  ];

  it('is already counted in the upvote: only the lone downvote lowers b', () => {
    const b = scoreCandidates(stateWith(candidates, votes, crowd)).find((c) => c.id === 'b');
    expect(b?.score.wMinus).toBe(1);
    expect(b?.downvoterIds).toEqual(['m2']);
  });

  it('without a community both count (the C1 rule)', () => {
    const plain = makeState({ params: TUNED_PARAMS, candidates, votes });
    expect(scoreCandidates(plain).find((c) => c.id === 'b')?.score.wMinus).toBe(2);
  });
});

describe('a voter who upvotes several candidates (with a community)', () => {
  const candidates = [makeCandidate({ id: 'a' }), makeCandidate({ id: 'b' })];
  const votes = [
    makeVote({ voterId: 'lazy', candidateId: 'a' }),
    makeVote({ voterId: 'lazy', candidateId: 'b' }),
    makeVote({ voterId: 'm1', candidateId: 'a' }),
  ];

  it('gives each an equal share of one upvote, and is still an upvoter of each', () => {
    const ranked = scoreCandidates(stateWith(candidates, votes, crowd));
    const a = ranked.find((c) => c.id === 'a');
    const b = ranked.find((c) => c.id === 'b');
    expect(a?.score.wPlus).toBeCloseTo(1.5, 9);
    expect(b?.score.wPlus).toBeCloseTo(0.5, 9);
    expect(b?.upvoterIds).toEqual(['lazy']);
  });

  it('without a community each upvote counts fully (the C1 rule)', () => {
    const plain = makeState({ params: TUNED_PARAMS, candidates, votes });
    expect(scoreCandidates(plain).find((c) => c.id === 'b')?.score.wPlus).toBe(1);
  });
});
