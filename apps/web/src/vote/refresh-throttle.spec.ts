import { refreshThrottle, type ThrottleClock } from './refresh-throttle';

/** A clock moved by hand: timers run when `advance` passes their time. */
function fakeClock(): ThrottleClock & { advance(ms: number): void; timers(): number } {
  let now = 1_000;
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    later: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
    timers: () => timers.length,
  };
}

/** A refresh whose answers the test releases one at a time. */
function heldRefresh() {
  const running: (() => void)[] = [];
  return {
    refresh: () => new Promise<void>((resolve) => running.push(resolve)),
    started: () => running.length,
    async finishAll() {
      for (const finish of running.splice(0)) finish();
      // Let the throttle see the settled promise.
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

/** A throttle over a held refresh, counting the refreshes it starts. */
function countedThrottle(clock: ThrottleClock) {
  const held = heldRefresh();
  let started = 0;
  const throttle = refreshThrottle(
    () => {
      started += 1;
      return held.refresh();
    },
    1_000,
    clock,
  );
  return { throttle, held, started: () => started };
}

describe('refreshThrottle', () => {
  it('refreshes at once on the first change', () => {
    const clock = fakeClock();
    const held = heldRefresh();
    refreshThrottle(held.refresh, 1_000, clock).signal();
    expect(held.started()).toBe(1);
  });

  it('turns a burst into one more refresh, after the running one and the spacing', async () => {
    const clock = fakeClock();
    const { throttle, held, started } = countedThrottle(clock);
    throttle.signal();
    for (let i = 0; i < 20; i += 1) throttle.signal();
    expect(started()).toBe(1);
    clock.advance(300);
    await held.finishAll();
    // Finished 300 ms after it started: the next waits for the rest of the spacing.
    expect(started()).toBe(1);
    expect(clock.timers()).toBe(1);
    clock.advance(699);
    expect(started()).toBe(1);
    clock.advance(1);
    expect(started()).toBe(2);
    await held.finishAll();
    // Nothing changed since: no third refresh.
    clock.advance(5_000);
    expect(started()).toBe(2);
  });

  it('never runs two refreshes at once, even past the spacing', async () => {
    const clock = fakeClock();
    const { throttle, held, started } = countedThrottle(clock);
    throttle.signal();
    clock.advance(5_000);
    throttle.signal();
    expect(started()).toBe(1);
    await held.finishAll();
    // The spacing has passed: the change seen meanwhile is read at once.
    expect(started()).toBe(2);
  });

  it('refreshes again after a failed refresh', async () => {
    const clock = fakeClock();
    let tries = 0;
    const throttle = refreshThrottle(
      () => {
        tries += 1;
        return Promise.reject(new Error('offline'));
      },
      1_000,
      clock,
    );
    throttle.signal();
    throttle.signal();
    await Promise.resolve();
    await Promise.resolve();
    clock.advance(1_000);
    expect(tries).toBe(2);
  });

  it('starts nothing once stopped', async () => {
    const clock = fakeClock();
    const { throttle, held, started } = countedThrottle(clock);
    throttle.signal();
    throttle.signal();
    await held.finishAll();
    expect(clock.timers()).toBe(1);
    throttle.stop();
    expect(clock.timers()).toBe(0);
    throttle.signal();
    clock.advance(5_000);
    expect(started()).toBe(1);
  });
});
