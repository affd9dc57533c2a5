import type { EpochMs } from '../model/types';

export const RATE_WINDOW_MS = 3_600_000;

/**
 * Sliding-window limit with an injected clock: `history` holds the times of the actor's earlier
 * accepted actions. The next action is refused when `max` of them already fall in (now − window, now].
 */
export function isRateLimited(
  history: readonly EpochMs[],
  now: EpochMs,
  max: number,
  windowMs: number = RATE_WINDOW_MS,
): boolean {
  return countInWindow(history, now, windowMs) >= max;
}

export function countInWindow(history: readonly EpochMs[], now: EpochMs, windowMs: number): number {
  let n = 0;
  for (const t of history) if (t > now - windowMs && t <= now) n += 1;
  return n;
}

/** Drops entries that can no longer matter, so a stored history stays small. */
export function pruneHistory(
  history: readonly EpochMs[],
  now: EpochMs,
  windowMs: number = RATE_WINDOW_MS,
): EpochMs[] {
  return history.filter((t) => t > now - windowMs);
}

/** A tiny immutable limiter for callers that keep the history themselves (e.g. in Redis). */
export interface SlidingWindow {
  readonly max: number;
  readonly windowMs: number;
  readonly history: readonly EpochMs[];
}

export function tryAcquire(
  window: SlidingWindow,
  now: EpochMs,
): { readonly allowed: boolean; readonly window: SlidingWindow } {
  const history = pruneHistory(window.history, now, window.windowMs);
  if (isRateLimited(history, now, window.max, window.windowMs)) {
    return { allowed: false, window: { ...window, history } };
  }
  return { allowed: true, window: { ...window, history: [...history, now] } };
}
