import { cardinalCategoryOfSmallInteger, resolvePluralLocale } from '../plurals/plural-table';
import type { PluralCategory } from '../plurals/plural-types';

/**
 * i18next JSON v3 numeric plural suffixes (`key_0` … `key_5`) are indices into a per-language list of sample
 * numbers (i18next ≤ 20 `PluralResolver` sets). Mapping each index through its sample number to the pinned CLDR
 * rules gives the v4 category. Languages whose v3 set is [1, 2] used `key` / `key_plural` instead.
 */
const V3_NUMERIC_SETS: readonly (readonly [readonly string[], readonly number[]])[] = [
  [
    [
      'ay',
      'bo',
      'cgg',
      'fa',
      'ht',
      'id',
      'ja',
      'jbo',
      'ka',
      'km',
      'ko',
      'ky',
      'lo',
      'ms',
      'sah',
      'su',
      'th',
      'tt',
      'ug',
      'vi',
      'wo',
      'zh',
    ],
    [1],
  ],
  [
    ['be', 'bs', 'cnr', 'dz', 'hr', 'ru', 'sr', 'uk'],
    [1, 2, 5],
  ],
  [['ar'], [0, 1, 2, 3, 11, 100]],
  [
    ['cs', 'sk'],
    [1, 2, 5],
  ],
  [
    ['csb', 'pl'],
    [1, 2, 5],
  ],
  [['cy'], [1, 2, 3, 8]],
  [['ga'], [1, 2, 3, 7, 11]],
  [['gd'], [1, 2, 3, 20]],
  [['jv'], [0, 1]],
  [['kw'], [1, 2, 3, 4]],
  [['lt'], [1, 2, 10]],
  [['lv'], [1, 2, 0]],
  [['mnk'], [0, 1, 2]],
  [['mt'], [1, 2, 11, 20]],
  [['or'], [2, 1]],
  [['ro'], [1, 2, 20]],
  [['sl'], [5, 1, 2, 3]],
  [
    ['he', 'iw'],
    [1, 2, 20, 21],
  ],
];

/** Sample numbers of the locale's v3 numeric suffixes, or null when its v3 files used `_plural`. */
export function v3SampleNumbers(locale: string): readonly number[] | null {
  const language = (locale.split(/[-_]/)[0] ?? '').toLowerCase();
  for (const [langs, numbers] of V3_NUMERIC_SETS) if (langs.includes(language)) return numbers;
  return null;
}

/** The v4 category of v3 suffix index `index` for a locale, or null when it cannot be mapped. */
export function v3IndexToCategory(locale: string, index: number): PluralCategory | null {
  const numbers = v3SampleNumbers(locale);
  const n = numbers?.[index];
  if (n === undefined || !resolvePluralLocale(locale).ok) return null;
  return cardinalCategoryOfSmallInteger(locale, n);
}
