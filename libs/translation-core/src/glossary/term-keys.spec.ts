import fc from 'fast-check';
import { findGlossaryHits, glossaryTermKey, glossaryTextKeys } from './match';

type Term = { id: string; term: string; caseSensitive: boolean };

/** Only the terms a store would hand over for `text`: key null, or among the text's keys. */
function prefiltered(text: string, terms: readonly Term[]): Term[] {
  const keys = new Set(glossaryTextKeys([text]));
  return terms.filter((t) => {
    const key = glossaryTermKey(t.term);
    return key === null || keys.has(key);
  });
}

// Letters with case pairs and without, accents, digits, punctuation, CJK, an emoji (surrogates).
const pieces = ['Share', 'share', 'ŁÓDŹ', 'łódź', 'Straße', 'İstanbul', 'istanbul', 'ΣΟΦΙΑ'];
const alphabet = fc.constantFrom(..."aAbéÉßıİ1_ .-,'’漢字かな😀".split(''), ...pieces);
const text = fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''));
const termText = fc
  .array(alphabet, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('').slice(0, 40))
  .filter((t) => t.trim() !== '');

describe('glossary term keys (the store-side prefilter)', () => {
  it('file a term under its first word, or under nothing when it starts with none', () => {
    expect(glossaryTermKey('  Workspace settings')).toBe('wor');
    expect(glossaryTermKey('UI')).toBe('ui');
    expect(glossaryTermKey('.NET')).toBeNull();
    expect(glossaryTermKey('かな')).toBeNull();
    expect(glossaryTextKeys(['Open the workspace', 'the end'])).toEqual([
      'ope',
      'the',
      'wor',
      'end',
    ]);
  });

  it('never drop a term findGlossaryHits would find (property, any locale rule)', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.record({ term: termText, caseSensitive: fc.boolean() }), { maxLength: 8 }),
        fc.constantFrom('en', 'pl', 'de', 'tr', 'ja'),
        (sample, raw, locale) => {
          const terms = raw.map((t, i) => ({ ...t, id: `t${i}` }));
          expect(findGlossaryHits(sample, prefiltered(sample, terms), locale)).toEqual(
            findGlossaryHits(sample, terms, locale),
          );
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('keep a term found inside the text for a term in the middle of a sentence', () => {
    const terms = [
      { id: 'a', term: 'workspace', caseSensitive: false },
      { id: 'b', term: 'invoice', caseSensitive: false },
    ];
    const text = 'Open your Workspaces now';
    expect(prefiltered(text, terms).map((t) => t.id)).toEqual(['a']);
    expect(findGlossaryHits(text, terms, 'en').map((h) => h.termId)).toEqual(['a']);
  });
});
