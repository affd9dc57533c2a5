import { formatDateTime, formatDuration, formatRelative } from './time';

const HOUR = 3_600_000;

describe('human time units (Intl, the UI language)', () => {
  it('says a round length in its largest whole unit', () => {
    expect(formatDuration(7 * 24 * HOUR, 'en')).toBe('7 days');
    expect(formatDuration(6 * HOUR, 'en')).toBe('6 hours');
    expect(formatDuration(90_000, 'en')).toBe('2 minutes');
    expect(formatDuration(2_500, 'en')).toBe('3 seconds');
    expect(formatDuration(24 * HOUR, 'de')).toBe('1 Tag');
  });

  it('says when something happens relative to now', () => {
    const now = Date.UTC(2026, 11, 2, 12);
    expect(formatRelative(now + 3 * 24 * HOUR, now, 'en')).toBe('in 3 days');
    expect(formatRelative(now - 2 * HOUR, now, 'en')).toBe('2 hours ago');
    expect(formatRelative(now + 5 * HOUR, now, 'pl')).toBe('za 5 godzin');
  });

  it('formats a moment as a date, never as epoch numbers', () => {
    expect(formatDateTime(Date.UTC(2026, 11, 2, 12), 'en')).toMatch(/Dec 2, 2026/);
  });
});
