import type { EpochMs, Id } from '../model/types';
import type { Score } from '../score/score-of';
import { q } from '../util/quantise';

/** What the rank order looks at. */
export interface Rankable {
  readonly id: Id;
  readonly createdAt: EpochMs;
  readonly score: Score;
}

/**
 * C1 deterministic total order; negative when `a` ranks before `b`. The first difference decides:
 * q(score) desc, q(W+) desc, q(W−) asc, upvoters desc, createdAt asc, id asc (UTF-16 code units).
 */
export function compareRank(a: Rankable, b: Rankable): number {
  return (
    q(b.score.score) - q(a.score.score) ||
    q(b.score.wPlus) - q(a.score.wPlus) ||
    q(a.score.wMinus) - q(b.score.wMinus) ||
    b.score.upvoters - a.score.upvoters ||
    a.createdAt - b.createdAt ||
    compareCodeUnits(a.id, b.id)
  );
}

/** Never localeCompare: collation differs across ICU versions (A10.6). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A new array sorted by `compareRank`, best first. */
export function rankOrder<T extends Rankable>(items: readonly T[]): T[] {
  return [...items].sort(compareRank);
}
