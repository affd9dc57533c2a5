import {
  REBUILD_COALESCE_MS,
  REBUILD_SPACING,
  lastBuildOf,
  rebuildDelayMs,
  spacingWaitMs,
} from './bundle-rebuild.producer';

describe('rebuild spacing', () => {
  it('coalesces small or never-built projects within the fixed window', () => {
    expect(rebuildDelayMs(null, 1_000)).toBe(REBUILD_COALESCE_MS);
    expect(rebuildDelayMs({ startedAt: 0, buildMs: 120 }, 120)).toBe(REBUILD_COALESCE_MS);
  });

  it('spaces a large project’s builds by four of them, counted from the last build’s end', () => {
    const last = { startedAt: 10_000, buildMs: 4_000 };
    // Asked for while that build ran: the wait still ends four builds after its end.
    expect(rebuildDelayMs(last, 11_000)).toBe(4_000 - 1_000 + REBUILD_SPACING * 4_000);
    // Asked for right after it ended.
    expect(spacingWaitMs(last, 14_000)).toBe(16_000);
    expect(spacingWaitMs(last, 25_000)).toBe(5_000);
    expect(spacingWaitMs(last, 30_000)).toBe(0);
    expect(spacingWaitMs(last, 90_000)).toBe(0);
  });

  it('reads a bundle_set row, where built_at is when the build started', () => {
    expect(lastBuildOf(undefined)).toBeNull();
    expect(lastBuildOf({ started_at: null, build_ms: null })).toBeNull();
    expect(lastBuildOf({ started_at: new Date(5_000), build_ms: 700 })).toEqual({
      startedAt: 5_000,
      buildMs: 700,
    });
  });
});
