import {
  buildPluralData,
  CLDR_VERSION,
  MAKE_PLURAL_VERSION,
  makePluralCategories,
} from '../../scripts/plural-table-source';
import { PLURAL_DATA } from './cldr-plural-data';
import {
  PLURAL_DATA_SOURCE,
  cardinalCategoryOfSmallInteger,
  coversSingleInteger,
  pluralFormsWithExamples,
  requiredForms,
  resolvePluralLocale,
  sortCategories,
} from './plural-table';

describe('pinned plural table (C5.1)', () => {
  it.each([
    ['en', ['one', 'other']],
    ['de', ['one', 'other']],
    ['fr', ['one', 'many', 'other']],
    ['ar', ['zero', 'one', 'two', 'few', 'many', 'other']],
    ['pl', ['one', 'few', 'many', 'other']],
    ['ru', ['one', 'few', 'many', 'other']],
    ['uk', ['one', 'few', 'many', 'other']],
    ['cs', ['one', 'few', 'many', 'other']],
    ['ja', ['other']],
    ['zh', ['other']],
    ['cy', ['zero', 'one', 'two', 'few', 'many', 'other']],
    ['he', ['one', 'two', 'other']],
    ['ga', ['one', 'two', 'few', 'many', 'other']],
    ['lv', ['zero', 'one', 'other']],
    ['es', ['one', 'many', 'other']],
    ['pt', ['one', 'many', 'other']],
  ])('%s cardinal categories in canonical order', (locale, expected) => {
    expect(requiredForms(locale)).toEqual(expected);
  });

  it.each([
    ['en', ['one', 'two', 'few', 'other']],
    ['cy', ['zero', 'one', 'two', 'few', 'many', 'other']],
    ['fr', ['one', 'other']],
    ['it', ['many', 'other']],
    ['uk', ['few', 'other']],
    ['mk', ['one', 'two', 'many', 'other']],
    ['ru', ['other']],
    ['ja', ['other']],
  ])('%s ordinal categories', (locale, expected) => {
    expect(requiredForms(locale, 'ordinal')).toEqual(expected);
  });

  it('records where the data came from', () => {
    expect(PLURAL_DATA_SOURCE).toEqual({
      package: 'make-plural',
      version: MAKE_PLURAL_VERSION,
      cldr: CLDR_VERSION,
    });
  });

  it('equals what the installed make-plural says (regenerate with scripts/generate-plural-table.ts on upgrade)', () => {
    const categories = makePluralCategories();
    expect(categories.size).toBe(PLURAL_DATA.size);
    for (const [locale, c] of categories) {
      expect([locale, PLURAL_DATA.get(locale)?.cardinal, PLURAL_DATA.get(locale)?.ordinal]).toEqual(
        [locale, c.cardinal, c.ordinal],
      );
    }
    // Examples and small-integer rules need a 0..10000 scan: compare them for a representative sample.
    const sample = [
      'en',
      'fr',
      'ar',
      'pl',
      'ru',
      'ja',
      'cy',
      'he',
      'ga',
      'lv',
      'pt',
      'pt_PT',
      'cs',
      'uk',
      'mk',
      'it',
      'es',
    ];
    for (const [locale, data] of buildPluralData(sample))
      expect(PLURAL_DATA.get(locale)).toEqual(data);
  });

  it('matches Intl.PluralRules of this Node (CLDR 48) for every pinned locale', () => {
    for (const locale of PLURAL_DATA.keys()) {
      for (const type of ['cardinal', 'ordinal'] as const) {
        const intl = new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories;
        expect([locale, type, sortCategories(intl)]).toEqual([
          locale,
          type,
          requiredForms(locale, type),
        ]);
      }
    }
  });
});

describe('locale fallback', () => {
  it('falls back from region to language and maps dev to en', () => {
    expect(resolvePluralLocale('pt-BR')).toMatchObject({ ok: true, pluralLocale: 'pt' });
    expect(resolvePluralLocale('pt-PT')).toMatchObject({ ok: true, pluralLocale: 'pt-PT' });
    expect(resolvePluralLocale('pt_PT')).toMatchObject({ ok: true, pluralLocale: 'pt-PT' });
    expect(resolvePluralLocale('zh-Hant-TW')).toMatchObject({ ok: true, pluralLocale: 'zh' });
    expect(resolvePluralLocale('nb-NO')).toMatchObject({ ok: true, pluralLocale: 'nb' });
    expect(resolvePluralLocale('dev')).toMatchObject({ ok: true, pluralLocale: 'en' });
    expect(requiredForms('en-GB')).toEqual(['one', 'other']);
  });

  it('reports an unknown language as a typed result, and throws only from the convenience helpers', () => {
    const r = resolvePluralLocale('xx-YY');
    expect(r).toMatchObject({ ok: false, code: 'UNKNOWN_LOCALE' });
    expect(() => requiredForms('xx')).toThrow(RangeError);
  });
});

describe('examples and single-integer forms', () => {
  it('gives UI examples per category', () => {
    expect(pluralFormsWithExamples('pl')).toEqual([
      { category: 'one', examples: '1', singleInteger: 1 },
      { category: 'few', examples: '2–4, 22–24, 32–34, 42–44, 52–54, …', singleInteger: null },
      { category: 'many', examples: '0, 5–21, 25–31, 35–41, 45–51, …', singleInteger: null },
      { category: 'other', examples: '0.0, 1.0, 1.5, 10.0, …', singleInteger: null },
    ]);
    expect(pluralFormsWithExamples('ru')[0]!.examples).toBe('1, 21, 31, 41, 51, …');
    expect(pluralFormsWithExamples('en', 'ordinal').map((f) => f.examples)).toEqual([
      '1, 21, 31, 41, 51, …',
      '2, 22, 32, 42, 52, …',
      '3, 23, 33, 43, 53, …',
      '0, 4–20, 24–30, 34–40, 44–50, …',
    ]);
  });

  it.each([
    ['en', ['one']],
    ['de', ['one']],
    ['pl', ['one']],
    ['cs', ['one']],
    ['ar', ['zero', 'one', 'two']],
    ['cy', ['zero', 'one', 'two', 'few', 'many']],
    ['he', ['one', 'two']],
    ['ga', ['one', 'two']],
    ['fr', []],
    ['pt', []],
    ['ru', []],
    ['uk', []],
    ['lv', []],
  ])('%s forms covering exactly one integer: %j (DOMAIN A9)', (locale, expected) => {
    expect(requiredForms(locale).filter((c) => coversSingleInteger(locale, c))).toEqual(expected);
  });

  it('classifies small integers with the pinned rules', () => {
    expect([0, 1, 2, 5, 12, 22, 25].map((n) => cardinalCategoryOfSmallInteger('pl', n))).toEqual([
      'many',
      'one',
      'few',
      'many',
      'many',
      'few',
      'many',
    ]);
    expect(() => cardinalCategoryOfSmallInteger('pl', 200)).toThrow(RangeError);
  });
});
