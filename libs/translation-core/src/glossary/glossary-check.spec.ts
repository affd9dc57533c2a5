import { checkTranslation } from '../checks/check-translation';
import type { Finding } from '../checks/finding';
import { checkGlossary } from './glossary-check';
import { findGlossaryHits, stemOf } from './match';
import type { GlossaryCheckTerm } from './model';

function term(partial: Partial<GlossaryCheckTerm> & { term: string }): GlossaryCheckTerm {
  return {
    id: partial.id ?? partial.term,
    caseSensitive: false,
    doNotTranslate: false,
    translation: null,
    ...partial,
  };
}

const codes = (fs: readonly Finding[]): string[] => fs.map((f) => f.code);

describe('glossary term matching in the source', () => {
  it('finds terms at word boundaries only, case-insensitively by default', () => {
    const hits = findGlossaryHits(
      'Share the Workspace; workspaces, sharing, reshare.',
      [term({ term: 'share' }), term({ term: 'workspace' })],
      'en',
    );
    expect(hits.map((h) => h.text)).toEqual(['Share', 'Workspace', 'workspaces']);
  });

  it('finds terms with a hyphen or a slash (their pattern once failed to compile)', () => {
    const hits = findGlossaryHits(
      'Send an e-mail to the sign-in page, or use TCP/IP.',
      [term({ term: 'e-mail' }), term({ term: 'sign-in' }), term({ term: 'TCP/IP' })],
      'en',
    );
    expect(hits.map((h) => h.text)).toEqual(['e-mail', 'sign-in', 'TCP/IP']);
    for (const locale of ['pl', 'de']) {
      expect(findGlossaryHits('Wyślij e-maile', [term({ term: 'e-mail' })], locale)).toHaveLength(
        1,
      );
    }
  });

  it('honours the case-sensitive flag', () => {
    const t = [term({ term: 'Post', caseSensitive: true })];
    expect(findGlossaryHits('post the Post', t, 'en').map((h) => h.start)).toEqual([9]);
  });

  it('matches multi-word terms across any white space and prefers the longer term', () => {
    const hits = findGlossaryHits(
      'Open the shared\n  workspace and the workspace.',
      [term({ term: 'workspace' }), term({ term: 'shared workspace' })],
      'en',
    );
    expect(hits.map((h) => [h.termId, h.text])).toEqual([
      ['shared workspace', 'shared\n  workspace'],
      ['workspace', 'workspace'],
    ]);
  });

  it('treats regex characters in terms literally and finds terms in scripts without spaces', () => {
    expect(findGlossaryHits('Use C++ (or C) now', [term({ term: 'C++' })], 'en')).toHaveLength(1);
    expect(findGlossaryHits('a.b', [term({ term: '.*' })], 'en')).toHaveLength(0);
    expect(
      findGlossaryHits('共有ワークスペースを開く', [term({ term: 'ワークスペース' })], 'ja'),
    ).toHaveLength(1);
  });

  it('indexes terms by their first word: a full glossary over a long hostile text', () => {
    // Terms are only tried where a word of the text starts like them, not 5,000 times over the text.
    const name = (i: number) => `${i.toString(36).padStart(3, 'z')}word`;
    const terms = Array.from({ length: 5000 }, (_, i) => term({ term: `${name(i)} term` }));
    terms.push(term({ term: '.NET' }), term({ term: 'a a a b' }));
    const text = `${'a '.repeat(20_000)}${' '.repeat(20_000)}${name(42)} term, .NET and ${name(4999)}   term`;
    const hits = findGlossaryHits(text, terms, 'en');
    expect(hits.map((h) => h.termId)).toEqual([`${name(42)} term`, '.NET', `${name(4999)} term`]);
  });

  it('stems long words more than short ones', () => {
    expect(stemOf('przestrzeń')).toBe('przestr');
    expect(stemOf('budżet')).toBe('budż');
    expect(stemOf('kot')).toBe('kot');
  });
});

describe('glossary check', () => {
  const workspace = term({ term: 'workspace', translation: 'przestrzeń robocza' });

  it('accepts inflected forms of the approved translation in inflected languages (pl)', () => {
    for (const text of [
      'Otwórz przestrzeń roboczą',
      'Brak przestrzeni roboczej',
      'W przestrzeniach roboczych',
      'PRZESTRZEŃ ROBOCZA',
    ]) {
      expect(checkGlossary('Open the workspace', text, '', [workspace], 'en', 'pl')).toEqual([]);
    }
  });

  it('accepts German and Finnish endings', () => {
    const de = term({ term: 'workspace', translation: 'Arbeitsbereich' });
    expect(checkGlossary('No workspace', 'Kein Arbeitsbereichs', '', [de], 'en', 'de')).toEqual([]);
    const fi = term({ term: 'workspace', translation: 'työtila' });
    expect(checkGlossary('In the workspace', 'Työtilassa', '', [fi], 'en', 'fi')).toEqual([]);
  });

  it('warns when the approved translation is not used', () => {
    const found = checkGlossary('Open the workspace', 'Otwórz obszar', '', [workspace], 'en', 'pl');
    expect(codes(found)).toEqual(['GLOSSARY_TERM_MISMATCH']);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.message).toContain('przestrzeń robocza');
  });

  it('requires the exact word (plus English plural) in languages without inflection tolerance', () => {
    const fr = term({ term: 'budget', translation: 'budget' });
    expect(checkGlossary('Budget', 'Budgétaire', '', [fr], 'en', 'fr')).toHaveLength(0);
    const ja = term({ term: 'budget', translation: '予算' });
    expect(checkGlossary('Budget', '費用', '', [ja], 'en', 'ja')).toHaveLength(1);
    expect(checkGlossary('Budget', '予算を見る', '', [ja], 'en', 'ja')).toHaveLength(0);
    const en = term({ term: 'colour', translation: 'color' });
    expect(checkGlossary('Colour', 'Colors', '', [en], 'en-GB', 'en')).toHaveLength(0);
    expect(checkGlossary('Colour', 'Colorful', '', [en], 'en-GB', 'en')).toHaveLength(1);
  });

  it('compares case-sensitively only for case-sensitive terms', () => {
    const strict = term({ term: 'Share', caseSensitive: true, translation: 'Udostępnij' });
    expect(codes(checkGlossary('Share', 'udostępnij', '', [strict], 'en', 'pl'))).toEqual([
      'GLOSSARY_TERM_MISMATCH',
    ]);
    expect(checkGlossary('Share', 'Udostępnij', '', [strict], 'en', 'pl')).toEqual([]);
    // Not in the source at all (case differs): nothing to check.
    expect(checkGlossary('share', 'dziel', '', [strict], 'en', 'pl')).toEqual([]);
  });

  it('reports a do-not-translate term that is altered or missing as an error', () => {
    const chorus = term({ term: 'Chorus', doNotTranslate: true });
    expect(checkGlossary('Open Chorus', 'Otwórz Chorusa', '', [chorus], 'en', 'pl')).toEqual([]);
    expect(checkGlossary('Open Chorus', 'Ouvrir Chorus', '', [chorus], 'en', 'fr')).toEqual([]);
    for (const altered of ['Otwórz Chór', 'Otwórz chorus', 'Otwórz C h o r u s']) {
      const found = checkGlossary('Open Chorus', altered, '', [chorus], 'en', 'pl');
      expect(codes(found)).toEqual(['GLOSSARY_DO_NOT_TRANSLATE']);
      expect(found[0]?.severity).toBe('error');
    }
    expect(checkGlossary('Open Chorus', 'Open Choruses', '', [chorus], 'en', 'en-GB')).toHaveLength(
      1,
    );
  });

  it('reports each term once per form and skips terms without an approved translation', () => {
    const untranslated = term({ term: 'budget' });
    expect(
      checkGlossary('workspace, workspace, budget', 'x', '', [workspace, untranslated], 'en', 'pl'),
    ).toHaveLength(1);
  });

  it('runs inside checkTranslation for every plural form and blocks on do-not-translate', () => {
    const glossary = [workspace, term({ term: 'Chorus', doNotTranslate: true })];
    const found = checkTranslation({
      source: {
        kind: 'plural',
        forms: { one: 'One Chorus workspace', other: '{{count}} Chorus workspaces' },
      },
      sourceLocale: 'en',
      targetLocale: 'pl',
      forms: {
        one: 'Jedna przestrzeń robocza Chorus',
        few: '{{count}} przestrzenie robocze Chorus',
        many: '{{count}} obszarów Chorus',
        other: '{{count}} przestrzeni roboczej Chorus',
      },
      glossary,
    });
    expect(found.map((f) => [f.code, f.form])).toEqual([['GLOSSARY_TERM_MISMATCH', 'many']]);
    const blocked = checkTranslation({
      source: { kind: 'simple', forms: { '': 'Open Chorus' } },
      sourceLocale: 'en',
      targetLocale: 'de',
      forms: { '': 'Öffne Chor' },
      glossary,
    });
    expect(codes(blocked)).toEqual(['GLOSSARY_DO_NOT_TRANSLATE']);
  });
});
