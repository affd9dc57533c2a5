import fc from 'fast-check';
import { makeCandidate, makeState, makeVote, makeVotes, T0 } from '../testing';
import type { Vote } from '../model/types';
import { evaluate } from './evaluate';

const NEWCOMER = 0.55;
const TRUSTED = 0.1 + 0.9 * (32 / 35); // 30 agreements, 1 disagreement

describe('C2 vector: three newcomer upvotes', () => {
  const state = makeState({
    candidates: [makeCandidate({ id: 'c1' })],
    votes: makeVotes('c1', 3, { weight: NEWCOMER }),
  });
  const r = evaluate(state, false);

  it('W+ = 1.65 and LB 0.300459', () => {
    const leader = r.ranked[0]!;
    expect(leader.score.wPlus).toBeCloseTo(1.65, 12);
    expect(Math.abs(leader.score.score - 0.300459)).toBeLessThan(1e-6);
  });

  it('is UNDECIDED with MIN_SCORE only', () => {
    expect(r.decided).toBe(false);
    expect(r.reasons).toEqual(['MIN_SCORE']);
  });
});

describe('C2 vector: five full-weight upvotes against (+1, −1)', () => {
  const state = makeState({
    candidates: [makeCandidate({ id: 'c1' }), makeCandidate({ id: 'c2' })],
    votes: [
      ...makeVotes('c1', 5),
      makeVote({ voterId: 'x', candidateId: 'c2', value: 1 }),
      makeVote({ voterId: 'y', candidateId: 'c2', value: -1 }),
    ],
  });
  const r = evaluate(state, false);

  it('LB 0.565509 vs 0.094529', () => {
    expect(Math.abs(r.ranked[0]!.score.score - 0.565509)).toBeLessThan(1e-6);
    expect(Math.abs(r.ranked[1]!.score.score - 0.094529)).toBeLessThan(1e-6);
  });

  it('DECIDED for c1 with no reason codes', () => {
    expect(r.decided).toBe(true);
    expect(r.winnerId).toBe('c1');
    expect(r.reasons).toEqual([]);
  });
});

describe('C2 vector: four trusted upvotes vs six newcomer upvotes', () => {
  const state = makeState({
    candidates: [makeCandidate({ id: 'trusted' }), makeCandidate({ id: 'crowd' })],
    votes: [
      ...makeVotes('trusted', 4, { weight: TRUSTED }),
      ...makeVotes('crowd', 6, { weight: NEWCOMER }),
    ],
  });
  const r = evaluate(state, false);

  it('W+ 3.6914 (LB 0.490032) vs W+ 3.3 (LB 0.462081)', () => {
    const [a, b] = r.ranked;
    expect(a!.id).toBe('trusted');
    expect(a!.score.wPlus).toBeCloseTo(3.6914, 4);
    expect(Math.abs(a!.score.score - 0.490032)).toBeLessThan(1e-6);
    expect(b!.score.wPlus).toBeCloseTo(3.3, 12);
    expect(Math.abs(b!.score.score - 0.462081)).toBeLessThan(1e-6);
  });

  it('is UNDECIDED with MIN_SCORE and MIN_MARGIN', () => {
    expect(r.decided).toBe(false);
    expect(r.reasons).toEqual(['MIN_SCORE', 'MIN_MARGIN']);
  });
});

describe('verified tie: two candidates with four full-weight upvotes each', () => {
  const state = makeState({
    candidates: [makeCandidate({ id: 'b' }), makeCandidate({ id: 'a' })],
    votes: [...makeVotes('b', 4), ...makeVotes('a', 4)],
  });
  const r = evaluate(state, false);

  it('both have LB 0.510100 and a ranks before b by id', () => {
    expect(r.ranked.map((c) => c.id)).toEqual(['a', 'b']);
    for (const c of r.ranked) expect(Math.abs(c.score.score - 0.5101)).toBeLessThan(1e-6);
  });

  it('is UNDECIDED with MIN_MARGIN: a tie-break never decides', () => {
    expect(r.decided).toBe(false);
    expect(r.reasons).toEqual(['MIN_MARGIN']);
  });
});

describe('evaluate: quorum and minimum support', () => {
  it('with no candidate every condition fails', () => {
    const r = evaluate(makeState(), false);
    expect(r.reasons).toEqual(['QUORUM', 'MIN_VOTES', 'MIN_SCORE', 'MIN_MARGIN']);
  });

  it('two voters miss QUORUM and the leader misses MIN_VOTES', () => {
    const state = makeState({
      candidates: [makeCandidate({ id: 'c1' })],
      votes: makeVotes('c1', 2),
    });
    expect(evaluate(state, false).reasons).toEqual(['QUORUM', 'MIN_VOTES', 'MIN_SCORE']);
  });

  it('quorum counts distinct voters across candidates', () => {
    const state = makeState({
      params: { minVotes: 1, minScore: 0, minMargin: 0 },
      candidates: [makeCandidate({ id: 'c1' }), makeCandidate({ id: 'c2' })],
      votes: [
        makeVote({ voterId: 'x', candidateId: 'c1' }),
        makeVote({ voterId: 'x', candidateId: 'c2', value: -1 }),
        makeVote({ voterId: 'y', candidateId: 'c2', value: -1 }),
      ],
    });
    expect(evaluate(state, false).distinctVoters).toBe(2);
    expect(evaluate(state, false).reasons).toEqual(['QUORUM']);
  });
});

describe('evaluate: early thresholds', () => {
  const state = makeState({
    candidates: [makeCandidate({ id: 'c1' })],
    votes: makeVotes('c1', 5),
  });

  it('five unanimous votes pass minScore but not earlyScore', () => {
    expect(evaluate(state, false).decided).toBe(true);
    const early = evaluate(state, true);
    expect(early.decided).toBe(false);
    expect(early.reasons).toEqual(['MIN_SCORE']);
    expect(early.threshold).toEqual({ score: 0.7, margin: 0.2, quorum: 3, minVotes: 3 });
  });

  it('nine unanimous full-weight votes pass earlyScore 0.7 (C1 calibration)', () => {
    const nine = makeState({
      candidates: [makeCandidate({ id: 'c1' })],
      votes: makeVotes('c1', 9),
    });
    expect(evaluate(nine, true).decided).toBe(true);
    const eight = makeState({
      candidates: [makeCandidate({ id: 'c1' })],
      votes: makeVotes('c1', 8),
    });
    expect(evaluate(eight, true).decided).toBe(false);
  });
});

describe('evaluate: what counts', () => {
  it('ignores banned voters, self-votes and ineligible candidates', () => {
    const state = makeState({
      candidates: [
        makeCandidate({ id: 'c1', authorId: 'ann' }),
        makeCandidate({ id: 'bad', blockingErrors: ['PLACEHOLDER_MISSING'] }),
        makeCandidate({ id: 'old', sourceHash: 'h0' }),
        makeCandidate({ id: 'gone', status: 'withdrawn' }),
        makeCandidate({ id: 'ban', authorId: 'troll' }),
      ],
      votes: [
        ...makeVotes('c1', 4),
        makeVote({ voterId: 'ann', candidateId: 'c1' }),
        makeVote({ voterId: 'troll', candidateId: 'c1', value: -1 }),
        ...makeVotes('bad', 9),
        ...makeVotes('ban', 9),
      ],
      bannedUserIds: ['troll'],
    });
    const r = evaluate(state, false);
    expect(r.ranked.map((c) => c.id)).toEqual(['c1']);
    expect(r.ranked[0]!.score.upvoters).toBe(4);
    expect(r.ranked[0]!.score.downvoters).toBe(0);
    expect(r.decided).toBe(true);
  });

  it('a manager-approved candidate wins with MANAGER_APPROVED whatever the votes', () => {
    const state = makeState({
      round: { approvedCandidateId: 'c2' },
      candidates: [makeCandidate({ id: 'c1' }), makeCandidate({ id: 'c2' })],
      votes: makeVotes('c1', 10),
    });
    const r = evaluate(state, false);
    expect(r).toMatchObject({ decided: true, winnerId: 'c2', reasons: ['MANAGER_APPROVED'] });
  });
});

describe('evaluate is independent of vote order (property)', () => {
  const candidates = ['c1', 'c2', 'c3'].map((id, i) => makeCandidate({ id, createdAt: T0 + i }));
  const arbVotes = fc.uniqueArray(
    fc.record({
      voterId: fc.constantFrom('v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'),
      candidateId: fc.constantFrom('c1', 'c2', 'c3'),
      value: fc.constantFrom<1 | -1>(1, -1),
      weight: fc.constantFrom(0.1, 0.55, 0.9229, 1, 0.3333333333),
    }),
    { selector: (v) => `${v.voterId}/${v.candidateId}`, maxLength: 24 },
  );

  it('any permutation of the votes gives the same evaluation', () => {
    fc.assert(
      fc.property(arbVotes, fc.boolean(), fc.nat(), (raw, early, seed) => {
        const votes: Vote[] = raw.map((v) => makeVote(v));
        const shuffled = [...votes].sort(
          (a, b) =>
            hash(`${seed}${a.voterId}${a.candidateId}`) -
            hash(`${seed}${b.voterId}${b.candidateId}`),
        );
        const a = evaluate(makeState({ candidates, votes }), early);
        const b = evaluate(
          makeState({ candidates: [...candidates].reverse(), votes: shuffled }),
          early,
        );
        expect(b).toEqual(a);
      }),
    );
  });
});

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
