export interface WilsonBounds {
  readonly lower: number;
  readonly upper: number;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Wilson score interval on weighted counts (C2): p = W+/n, n = W+ + W−. With all weights 1 this is
 * the classic Wilson interval. n = 0 gives [0, 1]: no evidence either way.
 * Only + − × ÷ and sqrt are used, so results are reproducible across engines before quantising.
 */
export function wilsonBounds(wPlus: number, wMinus: number, z: number): WilsonBounds {
  const n = wPlus + wMinus;
  if (!(n > 0)) return { lower: 0, upper: 1 };
  const p = wPlus / n;
  const z2 = z * z;
  const rad = Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  const centre = p + z2 / (2 * n);
  const denominator = 1 + z2 / n;
  return {
    lower: clamp01((centre - z * rad) / denominator),
    upper: clamp01((centre + z * rad) / denominator),
  };
}
