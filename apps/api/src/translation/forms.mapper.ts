import {
  isPluralCategory,
  pluralFormsWithExamples,
  sortCategories,
} from '@chorus/translation-core';
import type { SourceStringKind } from '../catalogue/source-string.entity';
import type { FormModel, PluralFormModel } from './dto/form.model';

/** category → text as a list in canonical order ("" first, then zero, one, two, few, many, other). */
export function toFormModels(forms: Readonly<Record<string, string>>): FormModel[] {
  const keys = Object.keys(forms);
  const plural = sortCategories(keys.filter(isPluralCategory));
  const other = keys.filter((k) => !isPluralCategory(k)).sort();
  return [...other, ...plural].map((category) => ({ category, text: forms[category] ?? '' }));
}

/**
 * The forms a translation of this kind needs in `locale`: every cardinal (plural) or ordinal
 * category with sample numbers, or one form with category "" for simple strings. A locale the
 * pinned table does not know falls back to the single "other" form rather than failing a read.
 */
export function requiredFormsFor(kind: SourceStringKind, locale: string): PluralFormModel[] {
  if (kind !== 'plural' && kind !== 'ordinal') return [{ category: '', examples: '' }];
  try {
    return pluralFormsWithExamples(locale, kind === 'plural' ? 'cardinal' : 'ordinal').map((f) => ({
      category: f.category,
      examples: f.examples,
    }));
  } catch {
    return [{ category: 'other', examples: '' }];
  }
}
