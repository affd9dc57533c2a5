import { StringFilter } from './dto/translation-enums';
import { claimStatement } from './string-claim.sql';

const input = (userId: string, filter: StringFilter) => ({
  projectSlug: 'shop',
  localeCode: 'de',
  userId,
  filter,
  skip: [],
  now: new Date(0),
  expiresAt: new Date(600_000),
});

describe('claimStatement', () => {
  it('hands out one text per filter, with each call its own values', () => {
    const a = claimStatement(input('11111111-1111-4111-8111-111111111111', StringFilter.MINE));
    const b = claimStatement(input('22222222-2222-4222-8222-222222222222', StringFilter.MINE));
    expect(Object.is(a.text, b.text)).toBe(true);
    expect(a.values).toContain('11111111-1111-4111-8111-111111111111');
    expect(b.values).toContain('22222222-2222-4222-8222-222222222222');
    expect(b.values).not.toContain('11111111-1111-4111-8111-111111111111');
  });

  it('keeps the filters apart', () => {
    const untranslated = claimStatement(input('u', StringFilter.UNTRANSLATED)).text;
    const mine = claimStatement(input('u', StringFilter.MINE)).text;
    expect(untranslated).not.toBe(mine);
    expect(mine).toContain("t.status <> 'withdrawn'");
    expect(untranslated).not.toContain("t.status <> 'withdrawn'");
  });
});

describe('claimStatement walkOnly', () => {
  it('leaves out the set-based branch for the catalogue-order filters only', () => {
    const base = input('u', StringFilter.UNTRANSLATED);
    const whole = claimStatement(base).text;
    const walk = claimStatement({ ...base, walkOnly: true }).text;
    expect(whole).toContain('UNION ALL (SELECT c.id');
    expect(walk).not.toContain('UNION ALL (SELECT c.id');
    expect(walk).toContain('LIMIT 256');
    expect(claimStatement({ ...base, walkOnly: true }).text).toBe(walk);
    // ALL ranks by candidate count; its walk looks only for strings with none, from the start.
    const all = input('u', StringFilter.ALL);
    const allWalk = claimStatement({ ...all, walkOnly: true }).text;
    expect(allWalk).toContain('LIMIT 256');
    expect(allWalk).not.toContain('resume');
    expect(claimStatement(all).text).not.toContain('LIMIT 256');
    expect(claimStatement(all).text).toContain('ORDER BY (SELECT count(*)');
  });

  it('walks the catalogue first for every filter (a voter is not ranked against every string)', () => {
    for (const filter of Object.values(StringFilter)) {
      const walk = claimStatement({ ...input('u', filter), walkOnly: true }).text;
      expect(walk).toContain('LIMIT 256');
      expect(walk.includes('FROM resume')).toBe(filter !== StringFilter.ALL);
    }
  });
});
