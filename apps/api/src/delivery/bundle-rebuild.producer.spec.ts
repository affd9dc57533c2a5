import { REBUILD_COALESCE_MS, rebuildDelayMs } from './bundle-rebuild.producer';

describe('rebuildDelayMs', () => {
  it('coalesces small projects within the fixed window', () => {
    expect(rebuildDelayMs(0)).toBe(REBUILD_COALESCE_MS);
    expect(rebuildDelayMs(120)).toBe(REBUILD_COALESCE_MS);
  });

  it('spaces a large project’s rebuilds by four times its last build, so builds take at most a fifth of the worker', () => {
    expect(rebuildDelayMs(4_000)).toBe(16_000);
  });
});
