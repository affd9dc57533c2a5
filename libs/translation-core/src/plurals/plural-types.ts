/** CLDR plural categories, in the canonical order i18next sorts suffixes by. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];
export type PluralType = 'cardinal' | 'ordinal';

export interface PluralCategoryData {
  /** Human-readable sample numbers, e.g. "2–4, 22–24, 32–34, …". */
  readonly examples: string;
  /** The only integer this category covers, or null when it covers several (or none). */
  readonly singleInteger: number | null;
}

export interface PluralLocaleData {
  readonly cardinal: readonly PluralCategory[];
  readonly ordinal: readonly PluralCategory[];
  readonly cardinalExamples: Readonly<Partial<Record<PluralCategory, PluralCategoryData>>>;
  readonly ordinalExamples: Readonly<Partial<Record<PluralCategory, PluralCategoryData>>>;
  /** One letter (z o t f m x) per integer 0..199: the cardinal category of that integer. */
  readonly small: string;
}

export function isPluralCategory(value: string): value is PluralCategory {
  return (PLURAL_CATEGORIES as readonly string[]).includes(value);
}
