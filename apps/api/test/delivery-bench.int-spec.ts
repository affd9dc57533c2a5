import { runW4Export } from '../scripts/w4-export';
import { ADMIN_DATABASE_URL } from './support/test-env';

// A tiny run of the W4 export benchmark so its script never rots; counts only, never timings.
describe('W4 export benchmark (smoke)', () => {
  it('seeds, measures the floor and builds every bundle in a throw-away database', async () => {
    const r = await runW4Export({
      adminUrl: ADMIN_DATABASE_URL,
      locales: 3,
      keys: 40,
      namespaces: 2,
    });
    expect(r.winners).toBe(2 * 40);
    expect(r.bundles).toBe(3 * 2);
    expect(r.floorRows).toBe(40 + 2 * 40);
  });
});
