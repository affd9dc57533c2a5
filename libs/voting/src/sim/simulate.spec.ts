import { createPrng } from '../random/prng';
import { mostUpvotes, weblateSum } from './baselines';
import type { SimString, SimVote } from './crowd';
import { EventQueue } from './event-queue';
import { simulate } from './simulate';
import { median } from './stats';

const tiny = { strings: 24, candidatesPerString: 3, voters: 12, carelessShare: 0.25, ringSize: 3 };

describe('sim smoke: a tiny seeded crowd', () => {
  const first = simulate({ ...tiny, seed: 1 });

  it('is reproducible from its seed', () => {
    expect(simulate({ ...tiny, seed: 1 })).toEqual(first);
    expect(simulate({ ...tiny, seed: 2 })).not.toEqual(first);
  });

  it('scores every string under every rule', () => {
    for (const s of [first.chorus, first.weblate, first.mostUpvotes]) {
      expect(s.strings).toBe(24);
      expect(s.decided).toBeLessThanOrEqual(24);
      expect(s.decidedCorrect).toBeLessThanOrEqual(s.decided);
      expect(s.undecidedPct).toBeCloseTo((100 * (24 - s.decided)) / 24, 9);
    }
    expect(first.votes).toBeGreaterThan(24 * 6);
  });

  it('runs the real rule: Chorus decides some strings, each after at least quorum votes', () => {
    expect(first.chorus.decided).toBeGreaterThan(0);
    expect(first.chorus.medianVotesPerDecided).toBeGreaterThanOrEqual(first.params.quorum);
  });
});

describe('sim: a two-voter locale never meets the default quorum', () => {
  it('leaves every string undecided under Chorus while Weblate decides them all', () => {
    const r = simulate({
      strings: 10,
      candidatesPerString: 2,
      voters: 2,
      carelessShare: 0,
      ringSize: 0,
      seed: 3,
    });
    expect(r.chorus.decided).toBe(0);
    expect(r.weblate.decided).toBe(10);
  });
});

describe('sim baselines', () => {
  const str: SimString = {
    id: 's',
    openAt: 0,
    ringTarget: null,
    candidates: [
      { id: 'a', authorId: 'x', correct: true, createdAt: 0 },
      { id: 'b', authorId: 'y', correct: false, createdAt: 0 },
    ],
  };
  const vote = (voterId: string, candidateId: string, value: 1 | -1, at: number): SimVote => ({
    stringId: 's',
    voterId,
    candidateId,
    value,
    at,
  });

  it('Weblate accepts the first suggestion whose sum (author vote included) reaches 2', () => {
    const votes = [vote('p', 'b', -1, 1), vote('q', 'a', 1, 2), vote('r', 'b', 1, 3)];
    expect(weblateSum(str, votes)).toEqual({
      winnerId: 'a',
      votesUsed: 2,
      votersUsed: 2,
      decidedAt: 2,
    });
  });

  it('most up-votes wins over all votes; a tie for first is undecided', () => {
    expect(mostUpvotes(str, [vote('p', 'a', 1, 1), vote('q', 'b', 1, 2)]).winnerId).toBeNull();
    expect(
      mostUpvotes(str, [vote('p', 'a', 1, 1), vote('q', 'a', 1, 2), vote('r', 'b', 1, 3)]).winnerId,
    ).toBe('a');
  });
});

describe('sim helpers', () => {
  it('the event queue pops by time, then by push order', () => {
    const q = new EventQueue<{ at: number; id: string }>();
    for (const [at, id] of [
      [5, 'e'],
      [1, 'a'],
      [5, 'f'],
      [3, 'c'],
      [1, 'b'],
    ] as const)
      q.push({ at, id });
    const out: string[] = [];
    for (let x = q.pop(); x; x = q.pop()) out.push(x.id);
    expect(out).toEqual(['a', 'b', 'c', 'e', 'f']);
  });

  it('the PRNG is seeded and uniform enough', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('median', () => {
    expect([median([]), median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([0, 2, 2.5]);
  });
});
