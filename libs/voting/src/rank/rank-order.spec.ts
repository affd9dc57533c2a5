import fc from 'fast-check';
import type { Score } from '../score/score-of';
import type { Rankable } from './rank-order';
import { compareRank, rankOrder } from './rank-order';

function item(id: string, s: Partial<Score> = {}, createdAt = 0): Rankable {
  return {
    id,
    createdAt,
    score: { score: 0.5, upperBound: 0.9, wPlus: 4, wMinus: 1, upvoters: 4, downvoters: 1, ...s },
  };
}

describe('rank order, level 1: quantised score descending', () => {
  it('a higher score wins whatever the other fields say', () => {
    const a = item('z', { score: 0.6, wPlus: 1, wMinus: 9, upvoters: 1 }, 99);
    const b = item('a', { score: 0.5, wPlus: 9, wMinus: 0, upvoters: 9 }, 0);
    expect(rankOrder([b, a]).map((c) => c.id)).toEqual(['z', 'a']);
  });

  it('scores equal after q() fall through to the next level', () => {
    const a = item('a', { score: 0.5 + 1e-12, wPlus: 3 });
    const b = item('b', { score: 0.5, wPlus: 4 });
    expect(rankOrder([a, b]).map((c) => c.id)).toEqual(['b', 'a']);
  });
});

describe('rank order, level 2: W+ descending', () => {
  it('more weighted support wins at equal score', () => {
    expect(compareRank(item('b', { wPlus: 5 }), item('a', { wPlus: 4 }))).toBeLessThan(0);
  });
});

describe('rank order, level 3: W− ascending', () => {
  it('fewer weighted downvotes win at equal score and W+', () => {
    expect(compareRank(item('b', { wMinus: 0.5 }), item('a', { wMinus: 1 }))).toBeLessThan(0);
  });
});

describe('rank order, level 4: distinct upvoters descending', () => {
  it('more upvoters win at equal weights', () => {
    expect(compareRank(item('b', { upvoters: 6 }), item('a', { upvoters: 5 }))).toBeLessThan(0);
  });
});

describe('rank order, level 5: createdAt ascending', () => {
  it('the earlier proposal wins a full tie', () => {
    expect(compareRank(item('b', {}, 10), item('a', {}, 20))).toBeLessThan(0);
  });
});

describe('rank order, level 6: id by UTF-16 code units', () => {
  it('orders ids by code unit, not locale', () => {
    // 'Z' (0x5A) < 'a' (0x61) < 'é' (0xE9) < '😀' (0xD83D…) < 'ｚ' (0xFF5A) by code units.
    const ids = ['ｚ', '😀', 'é', 'a', 'Z'];
    expect(rankOrder(ids.map((id) => item(id))).map((c) => c.id)).toEqual([
      'Z',
      'a',
      'é',
      '😀',
      'ｚ',
    ]);
  });
});

const arbItem: fc.Arbitrary<Rankable> = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'B', 'ä'),
  createdAt: fc.integer({ min: 0, max: 3 }),
  score: fc.record({
    score: fc.constantFrom(0, 0.2, 0.5, 0.5 + 1e-12, 0.51),
    upperBound: fc.constant(1),
    wPlus: fc.constantFrom(0, 1, 1.65, 2),
    wMinus: fc.constantFrom(0, 0.55, 1),
    upvoters: fc.integer({ min: 0, max: 3 }),
    downvoters: fc.integer({ min: 0, max: 3 }),
  }),
});

/** Two items are the same for ranking when every compared field agrees. */
function sameKey(a: Rankable, b: Rankable): boolean {
  return compareRank(a, b) === 0;
}

describe('rank order is a total order (property)', () => {
  it('is antisymmetric', () => {
    fc.assert(
      fc.property(arbItem, arbItem, (a, b) => {
        expect(Math.sign(compareRank(a, b))).toBe(-Math.sign(compareRank(b, a)) || 0);
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(arbItem, arbItem, arbItem, (a, b, c) => {
        if (compareRank(a, b) <= 0 && compareRank(b, c) <= 0) {
          expect(compareRank(a, c)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('is total: only items equal on every level, including id, compare equal', () => {
    fc.assert(
      fc.property(arbItem, arbItem, (a, b) => {
        if (sameKey(a, b)) expect(a.id).toBe(b.id);
      }),
    );
  });

  it('sorting is independent of input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbItem, { selector: (x) => x.id, maxLength: 5 }), (items) => {
        const forward = rankOrder(items).map((x) => x.id);
        const backward = rankOrder([...items].reverse()).map((x) => x.id);
        expect(backward).toEqual(forward);
      }),
    );
  });
});
