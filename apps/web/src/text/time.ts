/** Durations and moments in the UI language, through Intl (never hand-made English units). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'day' | 'hour' | 'minute' | 'second';

/** The largest unit that gives at least 1, rounded to a whole number of it (2.5 days → "3 days"). */
function unitOf(ms: number): { value: number; unit: Unit } {
  const abs = Math.abs(ms);
  if (abs >= DAY) return { value: Math.round(ms / DAY), unit: 'day' };
  if (abs >= HOUR) return { value: Math.round(ms / HOUR), unit: 'hour' };
  if (abs >= MINUTE) return { value: Math.round(ms / MINUTE), unit: 'minute' };
  return { value: Math.round(ms / 1000), unit: 'second' };
}

/** "7 days", "6 hours", "2 Minuten": a length of time. */
export function formatDuration(ms: number, language: string): string {
  const { value, unit } = unitOf(ms);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(
    value,
  );
}

/** "in 3 days", "2 hours ago", "now": a moment relative to `now`. */
export function formatRelative(atMs: number, nowMs: number, language: string): string {
  const { value, unit } = unitOf(atMs - nowMs);
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(value, unit);
}

/** A date and time, e.g. "2 Dec 2026, 14:05". */
export function formatDateTime(at: string | number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(at),
  );
}
