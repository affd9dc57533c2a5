const DAY_MS = 86_400_000;

/**
 * Whole days from `now` to the end of `dueDate` (YYYY-MM-DD, UTC): 1 on the due day itself, 0 or
 * less once it has passed. Pure, so the dashboard and the directory agree and tests pin the clock.
 */
export function daysLeft(dueDate: string, now: Date): number {
  const [y, m, d] = dueDate.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return 0;
  const dueEnd = Date.UTC(y, m - 1, d + 1);
  return Math.ceil((dueEnd - now.getTime()) / DAY_MS) || 0;
}

/** A calendar day that exists (2026-02-30 does not) and is not before `today` (UTC). */
export function isValidDueDate(dueDate: string, now: Date): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueDate);
  if (match === null) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return false;
  }
  return daysLeft(dueDate, now) >= 1 && daysLeft(dueDate, now) <= 3_660;
}
