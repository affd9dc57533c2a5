import { evaluate } from '../round/evaluate';
import { makeCandidate, makeState, makeVote, makeVotes, T0 } from '../testing';
import { describeReasons, explainDecision } from './explain';

describe('decision explanation: "why this won"', () => {
  const state = makeState({
    candidates: [makeCandidate({ id: 'c1' }), makeCandidate({ id: 'c2' })],
    votes: [
      ...makeVotes('c1', 5),
      makeVote({ voterId: 'x', candidateId: 'c2', value: 1 }),
      makeVote({ voterId: 'y', candidateId: 'c2', value: -1 }),
    ],
  });
  const explanation = explainDecision(
    { roundId: 'r1', unitId: 'u1', roundNumber: 1, params: state.round.params, closedAt: T0 },
    evaluate(state, false),
  );

  it('lists every candidate with W+, W−, score, upper bound, voters and rank', () => {
    expect(explanation.outcome).toBe('DECIDED');
    expect(explanation.winnerId).toBe('c1');
    expect(explanation.candidates[0]).toMatchObject({
      candidateId: 'c1',
      rank: 1,
      wPlus: 5,
      wMinus: 0,
      upvoters: 5,
      downvoters: 0,
      upvoterIds: ['c1-v1', 'c1-v2', 'c1-v3', 'c1-v4', 'c1-v5'],
      isWinner: true,
    });
    expect(explanation.candidates[1]).toMatchObject({
      candidateId: 'c2',
      rank: 2,
      upvoterIds: ['x'],
      downvoterIds: ['y'],
      isWinner: false,
    });
    expect(explanation.candidates[0]!.marginToNext).toBeCloseTo(0.565509 - 0.094529, 6);
    expect(explanation.distinctVoters).toBe(7);
    expect(explanation.rule).toEqual({
      z: 1.96,
      quorum: 3,
      minVotes: 3,
      minScore: 0.5,
      minMargin: 0.1,
    });
  });

  it('survives a JSON round trip unchanged (it is stored as jsonb)', () => {
    expect(JSON.parse(JSON.stringify(explanation))).toEqual(explanation);
  });

  it('explains an UNDECIDED outcome by its reason codes', () => {
    const tie = makeState({
      candidates: [makeCandidate({ id: 'a' }), makeCandidate({ id: 'b' })],
      votes: [...makeVotes('a', 4), ...makeVotes('b', 4)],
    });
    const e = explainDecision(
      { roundId: 'r1', unitId: 'u1', roundNumber: 1, params: tie.round.params, closedAt: T0 },
      evaluate(tie, false),
    );
    expect(e).toMatchObject({ outcome: 'UNDECIDED', winnerId: null, reasons: ['MIN_MARGIN'] });
    expect(describeReasons(e.reasons)).toBe('the top translations are too close to call');
  });
});
