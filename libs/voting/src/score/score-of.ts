import type { VoteValue } from '../model/types';
import { wilsonBounds } from './wilson';

/** The minimum a score needs from a vote: a SQL batch can feed rows straight in. */
export interface WeightedVote {
  readonly value: VoteValue;
  readonly weight: number;
}

export interface Score {
  /** Wilson lower bound on weighted votes: the ranking score. */
  readonly score: number;
  readonly upperBound: number;
  readonly wPlus: number;
  readonly wMinus: number;
  /** Distinct upvoters (one vote per voter and candidate). */
  readonly upvoters: number;
  readonly downvoters: number;
}

export interface Tallies {
  readonly wPlus: number;
  readonly wMinus: number;
  readonly upvoters: number;
  readonly downvoters: number;
}

/** Score from pre-aggregated tallies (e.g. `SUM(weight) FILTER (WHERE value = 1)` in SQL). */
export function scoreFromTallies(t: Tallies, z: number): Score {
  const { lower, upper } = wilsonBounds(t.wPlus, t.wMinus, z);
  return { score: lower, upperBound: upper, ...t };
}

/** C2 scoreOf over the counted votes of one candidate (the caller excludes uncounted ones). */
export function scoreOf(votes: readonly WeightedVote[], z: number): Score {
  let wPlus = 0;
  let wMinus = 0;
  let upvoters = 0;
  let downvoters = 0;
  // Summing in a canonical order makes W± independent of the order rows arrive in.
  const weights = { up: [] as number[], down: [] as number[] };
  for (const v of votes) {
    if (v.value === 1) {
      weights.up.push(v.weight);
      upvoters += 1;
    } else {
      weights.down.push(v.weight);
      downvoters += 1;
    }
  }
  for (const w of weights.up.sort(byNumber)) wPlus += w;
  for (const w of weights.down.sort(byNumber)) wMinus += w;
  return scoreFromTallies({ wPlus, wMinus, upvoters, downvoters }, z);
}

function byNumber(a: number, b: number): number {
  return a - b;
}
