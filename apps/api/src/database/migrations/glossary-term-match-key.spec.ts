import { glossaryTermKey } from '@chorus/translation-core';
import fc from 'fast-check';
import { termKeyAtMigration } from './1795643000000-GlossaryTermMatchKey';

describe('GlossaryTermMatchKey migration', () => {
  it('keys terms exactly as translation-core does today (else: a new migration recomputes them)', () => {
    const samples = [
      'Workspace',
      '  e-mail',
      '.NET',
      'かな',
      'İstanbul',
      'ŁÓDŹ',
      'Straße',
      '😀x',
      'a',
    ];
    for (const term of samples) expect(termKeyAtMigration(term)).toBe(glossaryTermKey(term));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), (term) => {
        expect(termKeyAtMigration(term)).toBe(glossaryTermKey(term));
      }),
      { numRuns: 1_000, seed: 11 },
    );
  });
});
