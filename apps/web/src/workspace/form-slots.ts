import {
  type Finding,
  type GlossaryCheckTerm,
  type FormKey,
  type Forms,
  type UnitKind,
  checkTranslation,
  pluralFormsWithExamples,
  resolvePluralLocale,
} from '@chorus/translation-core';
import type { Form, TranslatableString } from '../api/types';

/** One input of the editor: a plural category ("" for a simple string) and its example numbers. */
export interface FormSlot {
  readonly category: string;
  readonly examples: string;
}

export function unitKind(kind: string): UnitKind {
  const lower = kind.toLowerCase();
  return lower === 'plural' || lower === 'ordinal' || lower === 'array-element' ? lower : 'simple';
}

/** The inputs the target locale needs: translation-core's CLDR forms with examples for plurals. */
export function formSlots(unit: TranslatableString): FormSlot[] {
  const kind = unitKind(unit.kind);
  if (kind !== 'plural' && kind !== 'ordinal') return [{ category: '', examples: '' }];
  if (!resolvePluralLocale(unit.locale).ok) return [...unit.requiredForms];
  return pluralFormsWithExamples(unit.locale, kind === 'ordinal' ? 'ordinal' : 'cardinal').map(
    (f) => ({ category: f.category, examples: f.examples }),
  );
}

export function formsRecord(forms: readonly Form[]): Forms {
  const out: Partial<Record<FormKey, string>> = {};
  for (const form of forms) out[form.category as FormKey] = form.text;
  return out;
}

/** The source text to start from for a target category (falls back to "other", then the first). */
export function sourceTextFor(unit: TranslatableString, category: string): string {
  const exact = unit.sourceForms.find((f) => f.category === category);
  const other = unit.sourceForms.find((f) => f.category === 'other');
  return (exact ?? other ?? unit.sourceForms[0])?.text ?? '';
}

/** translation-core's checks, exactly as the API runs them, on what the volunteer has typed. */
export function liveFindings(
  unit: TranslatableString,
  sourceLocale: string,
  values: Readonly<Record<string, string>>,
  glossary: readonly GlossaryCheckTerm[] = [],
): Finding[] {
  const forms: Partial<Record<FormKey, string>> = {};
  for (const [category, text] of Object.entries(values)) forms[category as FormKey] = text;
  return checkTranslation({
    source: {
      kind: unitKind(unit.kind),
      forms: formsRecord(unit.sourceForms),
      ...(unit.maxLength === null ? {} : { maxLength: unit.maxLength }),
    },
    sourceLocale,
    targetLocale: unit.locale,
    forms,
    glossary,
  });
}
