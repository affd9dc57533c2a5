import { wilsonBounds } from './wilson';

const Z = 1.96;

// DOMAIN B4 table (z = 1.96) to 9 decimals; the printed 4-decimal values are checked too.
const LOWER: readonly [number, number, number, string][] = [
  [1, 0, 0.206543291, '0.2065'],
  [2, 0, 0.342371953, '0.3424'],
  [3, 0, 0.43849392, '0.4385'],
  [4, 0, 0.51009998, '0.5101'],
  [5, 0, 0.565508505, '0.5655'],
  [10, 0, 0.722459831, '0.7225'],
  [600, 400, 0.569308861, '0.5693'],
  [3, 1, 0.300636052, '0.3006'],
  [5, 1, 0.436490563, '0.4365'],
  [10, 2, 0.551963643, '0.5520'],
  [10, 5, 0.417131252, '0.4171'],
  [1, 1, 0.094528655, '0.0945'],
  [100, 1, 0.946031525, '0.9460'],
  [5500, 4500, 0.540231776, '0.5402'],
];

describe('Wilson lower bound: the B4 table', () => {
  it.each(LOWER)('%i up / %i down → LB %f', (u, d, expected, printed) => {
    const { lower } = wilsonBounds(u, d, Z);
    expect(Math.abs(lower - expected)).toBeLessThan(1e-6);
    expect(lower.toFixed(4)).toBe(printed);
  });
});

describe('Wilson upper bound: unanimous downvotes', () => {
  it('0/3 → UB 0.5615 and 0/4 → UB 0.4899 (four downvotes push UB below ½)', () => {
    expect(Math.abs(wilsonBounds(0, 3, Z).upper - 0.56150608)).toBeLessThan(1e-6);
    expect(Math.abs(wilsonBounds(0, 4, Z).upper - 0.48990002)).toBeLessThan(1e-6);
    expect(wilsonBounds(0, 4, Z).upper).toBeLessThan(0.5);
  });

  it('UB of 600/400 and of 1/1 bracket their ratio', () => {
    expect(Math.abs(wilsonBounds(600, 400, Z).upper - 0.62992576)).toBeLessThan(1e-6);
    expect(Math.abs(wilsonBounds(1, 1, Z).upper - 0.905471345)).toBeLessThan(1e-6);
  });
});

describe('Wilson with no votes', () => {
  it('n = 0 → LB 0 and UB 1', () => {
    expect(wilsonBounds(0, 0, Z)).toEqual({ lower: 0, upper: 1 });
  });
});

describe('Wilson stays within [0, 1] and LB ≤ p ≤ UB', () => {
  it('holds on a grid of weighted counts', () => {
    for (let u = 0; u <= 12; u += 0.55) {
      for (let d = 0; d <= 12; d += 0.7) {
        const { lower, upper } = wilsonBounds(u, d, Z);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        if (u + d > 0) {
          expect(lower).toBeLessThanOrEqual(u / (u + d) + 1e-12);
          expect(upper).toBeGreaterThanOrEqual(u / (u + d) - 1e-12);
        }
      }
    }
  });
});
