import type { Candidate, Vote } from '../model/types';
import { DAY, makeCandidate, makeState, makeVote, T0 } from '../testing';
import type { CommunityMember } from './community';
import { communityOf, decisionWeight, partnersOf, suspectsIn } from './community';
import { evaluate } from './evaluate';
import { resolveParams, TUNED_PARAMS } from './params';

const P = resolveParams(TUNED_PARAMS);
const NEWCOMER_WEIGHT = 0.55; // wMin + (1 − wMin)·½: an established account without a record
const member = (userId: string): CommunityMember => ({
  userId,
  accountCreatedAt: T0 - 365 * DAY,
  agree: 0,
  disagree: 0,
});
const ring = ['r1', 'r2', 'r3', 'r4'];
/** Every pair of the ring, as the abuse scan reports a clique. */
const ringPairs = ring.flatMap((a, i) => ring.slice(i + 1).map((b) => [a, b] as const));
const people = [...Array.from({ length: 30 }, (_, i) => member(`h${i + 1}`)), ...ring.map(member)];
const community = communityOf(people, [], T0 + DAY, P, ringPairs);

const evaluateWith = (candidates: readonly Candidate[], votes: readonly Vote[]) =>
  evaluate({ ...makeState({ params: TUNED_PARAMS, candidates, votes }), community }, false);

describe('partnersOf', () => {
  it('lists each account’s partners both ways, sorted, and ignores a pair of one account', () => {
    expect(
      partnersOf([
        ['b', 'a'],
        ['a', 'c'],
        ['d', 'd'],
      ]),
    ).toEqual({ a: ['b', 'c'], b: ['a'], c: ['a'] });
  });

  it('communityOf flags every account of a pair and keeps their partners', () => {
    expect(community.flaggedUserIds).toEqual(ring);
    expect(community.collusionPartners['r1']).toEqual(['r2', 'r3', 'r4']);
  });
});

describe('suspectsIn: where a flagged account’s votes are suspect', () => {
  it('in a unit where a partner wrote a candidate, every account of the clique', () => {
    expect([...suspectsIn(community, ['r2', 'h1'])].sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('nowhere else: a unit written by people outside the clique has no suspects', () => {
    expect(suspectsIn(community, ['h1', 'h2']).size).toBe(0);
  });

  it('everywhere for an account flagged without known partners', () => {
    const bare = communityOf(people, ['h5'], T0 + DAY, P);
    expect([...suspectsIn(bare, ['h1'])]).toEqual(['h5']);
  });

  it('none without a community', () => {
    expect(suspectsIn(undefined, ['r1']).size).toBe(0);
  });
});

describe('decisionWeight with the unit’s suspects', () => {
  const vote = makeVote({ voterId: 'r1', candidateId: 'c', weight: 1 });

  it('a suspect vote counts wMin relative to the typical member', () => {
    expect(decisionWeight(vote, community, P, new Set(['r1']))).toBeCloseTo(
      P.wMin / NEWCOMER_WEIGHT,
      9,
    );
  });

  it('a flagged account outside its clique’s units counts like any member', () => {
    expect(decisionWeight(vote, community, P, new Set())).toBe(1);
  });

  it('without the unit’s suspects every flagged account is suspect (the old rule)', () => {
    expect(decisionWeight(vote, community, P)).toBeCloseTo(P.wMin / NEWCOMER_WEIGHT, 9);
  });
});

describe('scenario: the clique on its own string (a member wrote the ring candidate)', () => {
  const candidates = [
    makeCandidate({ id: 'ring', authorId: 'r1' }),
    makeCandidate({ id: 'good', authorId: 'h30' }),
  ];
  const votes = [
    ...['r2', 'r3'].map((voterId) => makeVote({ voterId, candidateId: 'ring' })),
    // Downvotes alone (no upvote of a rival) count, as one suspect voice.
    ...['r3', 'r4'].map((voterId) => makeVote({ voterId, candidateId: 'good', value: -1 })),
    ...['h1', 'h2', 'h3'].map((voterId) => makeVote({ voterId, candidateId: 'good' })),
  ];
  const r = evaluateWith(candidates, votes);
  const ringScore = r.ranked.find((c) => c.id === 'ring')!;
  const goodScore = r.ranked.find((c) => c.id === 'good')!;

  it('its upvotes and its downvotes on the rival are one wMin voice each, and nobody', () => {
    const oneSuspect = P.wMin / NEWCOMER_WEIGHT;
    expect(ringScore.score).toMatchObject({ upvoters: 0, downvoters: 0 });
    expect(ringScore.score.wPlus).toBeCloseTo(oneSuspect, 9);
    // r3 upvoted the ring candidate: its downvote of the rival is not counted again.
    expect(goodScore.score.wMinus).toBeCloseTo(oneSuspect, 9);
    expect(goodScore.downvoterIds).toEqual([]);
  });

  it('three honest upvotes decide for the rival', () => {
    expect(r.winnerId).toBe('good');
  });
});

describe('scenario: the clique voting on someone else’s string', () => {
  const candidates = [
    makeCandidate({ id: 'a', authorId: 'h29' }),
    makeCandidate({ id: 'b', authorId: 'h30' }),
  ];
  const votes = [
    ...ring.map((voterId) => makeVote({ voterId, candidateId: 'a' })),
    makeVote({ voterId: 'h1', candidateId: 'a' }),
    makeVote({ voterId: 'h2', candidateId: 'b' }),
  ];
  const r = evaluateWith(candidates, votes);
  const a = r.ranked.find((c) => c.id === 'a')!;

  it('its votes alike are one person with its heaviest weight', () => {
    expect(a.score.upvoters).toBe(2);
    expect(a.upvoterIds).toEqual(['h1', 'r1']);
    expect(a.score.wPlus).toBeCloseTo(2, 9);
  });

  it('so four accounts and one person are two upvoters, short of the minimum of three', () => {
    expect(r.distinctVoters).toBe(3);
    expect(r.decided).toBe(false);
    expect(r.reasons).toContain('MIN_VOTES');
  });
});
