import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every variable the start-up schema reads is documented in README.md: an operator should never have
 * to read env.schema.ts to learn that a setting exists. Names are taken from the schema's own calls
 * (`read(env, 'X')`, `integer(env, 'X', …)`, …), so a new setting fails here until README names it.
 */
describe('README documents the environment', () => {
  const root = join(__dirname, '../../../..');
  const schema = readFileSync(join(__dirname, 'env.schema.ts'), 'utf8');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const names = [...schema.matchAll(/\(env, '([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1] ?? '');

  it('finds the variables the schema reads', () => {
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'PORT']));
  });

  it('names each of them in README.md', () => {
    const missing = [...new Set(names)].filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
