import { daysLeft, isValidDueDate } from './goal-progress';

describe('goal progress', () => {
  const now = new Date('2026-01-30T12:00:00Z');

  it('counts the due day itself as one day left', () => {
    expect(daysLeft('2026-01-30', now)).toBe(1);
    expect(daysLeft('2026-01-31', now)).toBe(2);
  });

  it('is zero or negative once the day has passed', () => {
    expect(daysLeft('2026-01-29', now)).toBe(0);
    expect(daysLeft('2026-01-20', now)).toBe(-9);
  });

  it('accepts real days from today on, within ten years', () => {
    expect(isValidDueDate('2026-01-30', now)).toBe(true);
    expect(isValidDueDate('2026-02-28', now)).toBe(true);
    expect(isValidDueDate('2026-02-30', now)).toBe(false);
    expect(isValidDueDate('2026-01-29', now)).toBe(false);
    expect(isValidDueDate('2046-01-01', now)).toBe(false);
    expect(isValidDueDate('30.01.2026', now)).toBe(false);
  });
});
