import { PLURAL_DATA, PLURAL_DATA_SOURCE } from './cldr-plural-data';
import type { PluralCategory, PluralLocaleData, PluralType } from './plural-types';
import { PLURAL_CATEGORIES } from './plural-types';

export { PLURAL_DATA_SOURCE };

export type LocaleResolution =
  | {
      readonly ok: true;
      readonly locale: string;
      readonly pluralLocale: string;
      readonly data: PluralLocaleData;
    }
  | {
      readonly ok: false;
      readonly code: 'UNKNOWN_LOCALE';
      readonly locale: string;
      readonly message: string;
    };

/** Locales whose plural rules come from another code (i18next maps `dev` to English rules). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['dev', 'en'],
  ['iw', 'he'],
  ['in', 'id'],
  ['ji', 'yi'],
  ['jw', 'jv'],
  ['no', 'nb'],
  ['tl', 'fil'],
]);

function lookup(code: string): PluralLocaleData | undefined {
  return PLURAL_DATA.get(code);
}

/**
 * Finds the pinned plural rules for a BCP 47 code: the full code first (`pt-PT`), then the language part
 * (`pt-BR` → `pt`, `zh-Hant-TW` → `zh`). An unknown language is a typed failure rather than a guess: treating it
 * as "other only" would silently accept a translation that lacks forms its users need.
 */
export function resolvePluralLocale(locale: string): LocaleResolution {
  const normalized = locale.trim().replace(/_/g, '-');
  const parts = normalized.split('-').filter((p) => p.length > 0);
  const language = (parts[0] ?? '').toLowerCase();
  const candidates: string[] = [];
  if (parts.length > 1)
    candidates.push(
      `${language}-${(parts[1] ?? '').toUpperCase()}`,
      `${language}-${parts[1] ?? ''}`,
    );
  candidates.push(language);
  const alias = ALIASES.get(language);
  if (alias !== undefined) candidates.push(alias);
  for (const candidate of candidates) {
    const data = lookup(candidate);
    if (data) return { ok: true, locale, pluralLocale: candidate, data };
  }
  return {
    ok: false,
    code: 'UNKNOWN_LOCALE',
    locale,
    message: `Locale "${locale}" has no plural rules in the pinned CLDR ${PLURAL_DATA_SOURCE.cldr} table; use a known language code (for example "pt-BR" or "ja").`,
  };
}

function dataOrThrow(locale: string): PluralLocaleData {
  const r = resolvePluralLocale(locale);
  if (!r.ok) throw new RangeError(r.message);
  return r.data;
}

/** True when the pinned table knows plural rules for this locale (directly or through its language). */
export function isKnownPluralLocale(locale: string): boolean {
  return resolvePluralLocale(locale).ok;
}

/**
 * Required categories for a locale in canonical order (zero, one, two, few, many, other).
 * Throws RangeError for a locale the table does not know; call resolvePluralLocale first for a typed result.
 */
export function requiredForms(
  locale: string,
  type: PluralType = 'cardinal',
): readonly PluralCategory[] {
  const data = dataOrThrow(locale);
  return type === 'cardinal' ? data.cardinal : data.ordinal;
}

export interface PluralFormInfo {
  readonly category: PluralCategory;
  /** Sample numbers for the UI, e.g. "2–4, 22–24, 32–34, 42–44, 52–54, …". */
  readonly examples: string;
  /** The only integer the form is used for (en `one` = 1), or null. */
  readonly singleInteger: number | null;
}

/** Required forms with example numbers, for showing one input per form to a translator. */
export function pluralFormsWithExamples(
  locale: string,
  type: PluralType = 'cardinal',
): readonly PluralFormInfo[] {
  const data = dataOrThrow(locale);
  const cats = type === 'cardinal' ? data.cardinal : data.ordinal;
  const ex = type === 'cardinal' ? data.cardinalExamples : data.ordinalExamples;
  return cats.map((category) => ({
    category,
    examples: ex[category]?.examples ?? '',
    singleInteger: ex[category]?.singleInteger ?? null,
  }));
}

/** True when this form is used for exactly one integer (en `one`, ar `zero`); ru `one` also covers 21, 31 … */
export function coversSingleInteger(
  locale: string,
  category: PluralCategory,
  type: PluralType = 'cardinal',
): boolean {
  const data = dataOrThrow(locale);
  const ex = type === 'cardinal' ? data.cardinalExamples : data.ordinalExamples;
  return (ex[category]?.singleInteger ?? null) !== null;
}

const LETTERS: Readonly<Record<string, PluralCategory>> = {
  z: 'zero',
  o: 'one',
  t: 'two',
  f: 'few',
  m: 'many',
  x: 'other',
};

/** Cardinal category of a small non-negative integer (0..199) under the pinned rules. */
export function cardinalCategoryOfSmallInteger(locale: string, n: number): PluralCategory {
  if (!Number.isInteger(n) || n < 0 || n >= 200)
    throw new RangeError(`n must be an integer in 0..199, got ${n}`);
  const letter = dataOrThrow(locale).small.charAt(n);
  const cat = LETTERS[letter];
  if (cat === undefined) throw new RangeError(`corrupt plural table for ${locale}`);
  return cat;
}

/** Sorts categories canonically (never rely on an engine's order; DOMAIN A2). */
export function sortCategories(categories: Iterable<PluralCategory>): PluralCategory[] {
  const set = new Set(categories);
  return PLURAL_CATEGORIES.filter((c) => set.has(c));
}

/** Every locale code in the pinned table, for pickers. */
export function pluralLocales(): readonly string[] {
  return [...PLURAL_DATA.keys()];
}
