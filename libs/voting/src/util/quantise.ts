/**
 * Every comparison of scores and weights goes through q(x) = round(x × 10⁹), an integer (C0).
 * Quantising absorbs last-ulp differences between engines so two machines reach the same decision.
 */
export const QUANTUM = 1e9;

export function q(x: number): number {
  return Math.round(x * QUANTUM);
}
