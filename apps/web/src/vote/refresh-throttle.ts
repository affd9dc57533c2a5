/** The timers a throttle uses: the browser's in the app, a fake clock in tests. */
export interface ThrottleClock {
  now(): number;
  /** Runs `run` after `ms`; returns what cancels it. */
  later(run: () => void, ms: number): () => void;
}

export const BROWSER_CLOCK: ThrottleClock = {
  now: () => Date.now(),
  later: (run, ms) => {
    const timer = window.setTimeout(run, ms);
    return () => window.clearTimeout(timer);
  },
};

/**
 * A string page re-reads its string at most this often, however fast it is voted on: each live
 * event is a read of the string and its candidates, and a popular string voted on ten times a
 * second by its viewers would otherwise make every viewer send twenty reads a second (and spend
 * their read budget, RATE_LIMIT_READS, within a minute).
 */
export const LIVE_REFRESH_SPACING_MS = 1_000;

export interface RefreshThrottle {
  /** Something changed: refresh now, or once the running refresh and the spacing allow. */
  signal(): void;
  /** Stops: no refresh starts after this. */
  stop(): void;
}

/**
 * Turns a stream of "look again" signals into refreshes: the first at once, then never two at the
 * same time and at most one per `spacingMs`; the signals that arrive meanwhile become one refresh,
 * which still runs (the last change is never missed).
 */
export function refreshThrottle(
  refresh: () => Promise<unknown>,
  spacingMs: number,
  clock: ThrottleClock,
): RefreshThrottle {
  let running = false;
  let pending = false;
  let stopped = false;
  let lastStart = -Infinity;
  let cancelTimer: (() => void) | null = null;

  const start = (): void => {
    cancelTimer = null;
    if (stopped) return;
    pending = false;
    running = true;
    lastStart = clock.now();
    const done = (): void => {
      running = false;
      if (pending) schedule();
    };
    refresh().then(done, done);
  };
  const schedule = (): void => {
    if (cancelTimer !== null || stopped) return;
    const wait = lastStart + spacingMs - clock.now();
    if (wait <= 0) start();
    else cancelTimer = clock.later(start, wait);
  };
  return {
    signal: () => {
      pending = true;
      if (!running) schedule();
    },
    stop: () => {
      stopped = true;
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
