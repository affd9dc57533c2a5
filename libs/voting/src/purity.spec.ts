import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every non-spec source file of the lib. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('purity: no clock and no ambient randomness', () => {
  const files = sources(__dirname);

  it('finds the sources it scans', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each([
    ['Date.now', /\bDate\s*\.\s*now\b/],
    ['Math.random', /\bMath\s*\.\s*random\b/],
    ['new Date(', /\bnew\s+Date\s*\(/],
    ['performance.now', /\bperformance\s*\.\s*now\b/],
  ])('no source file uses %s', (_label, pattern) => {
    const offenders = files
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => relative(__dirname, f));
    expect(offenders).toEqual([]);
  });
});
