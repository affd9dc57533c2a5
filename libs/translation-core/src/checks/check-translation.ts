import type { FormKey, Forms, UnitKind } from '../model';
import { extractPlaceholders } from '../placeholders/extract';
import type { Placeholders } from '../placeholders/extract';
import { resolvePluralLocale } from '../plurals/plural-table';
import type { PluralCategory } from '../plurals/plural-types';
import { PLURAL_CATEGORIES, isPluralCategory } from '../plurals/plural-types';
import { checkGlossary } from '../glossary/glossary-check';
import type { GlossaryCheckTerm } from '../glossary/model';
import type { Finding } from './finding';
import { finding } from './finding';
import { checkInterpolations } from './interpolation-check';
import { checkHtmlSafety, checkTags } from './markup-check';
import { checkNestings } from './nesting-check';
import { checkEndPunctuation } from './punctuation-check';
import { checkText, checkWhitespace, isBlank } from './text-check';

/** What a candidate is checked against: the source unit (kind, forms and optional max length). */
export interface CheckSource {
  readonly kind: UnitKind;
  readonly forms: Forms;
  readonly maxLength?: number;
}

export interface CheckInput {
  readonly source: CheckSource;
  readonly sourceLocale: string;
  readonly targetLocale: string;
  /** The candidate: category → text for plural units, { "": text } for simple ones. */
  readonly forms: Forms;
  /**
   * 'community' (default): written in the UI, so every required plural form must be there (E).
   * 'import': an app's existing file, exported with the forms it has (DOMAIN C4), so a missing form is the
   * warning PLURAL_INCOMPLETE and a form the locale never uses is the warning PLURAL_FORM_DROPPED.
   */
  readonly origin?: 'community' | 'import';
  /**
   * The project's glossary with the approved translations in the target locale: terms found in the
   * source must be rendered with their translation (W) and do-not-translate terms kept (E).
   */
  readonly glossary?: readonly GlossaryCheckTerm[];
}

const FORM_ORDER: readonly FormKey[] = ['', ...PLURAL_CATEGORIES];

function language(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? '').toLowerCase();
}

function hasLetters(text: string, p: Placeholders): boolean {
  const parts = [...p.interpolations, ...p.nestings, ...p.tags].sort((a, b) => a.start - b.start);
  let from = 0;
  for (const part of parts) {
    if (part.start > from && /\p{L}/u.test(text.slice(from, part.start))) return true;
    from = Math.max(from, part.end);
  }
  return /\p{L}/u.test(text.slice(from));
}

/**
 * Runs every A9/C4 check of a candidate against its source and returns typed findings (errors block the
 * candidate from winning; warnings are advice). Pure and synchronous, for the API and for the browser while a
 * volunteer types. Findings come in a stable order: form-shape findings first, then each form in canonical
 * order (zero … other) check by check, then SAME_PLURALS.
 */
export function checkTranslation(input: CheckInput): Finding[] {
  const { source, forms } = input;
  const out: Finding[] = [];
  const plural = source.kind === 'plural' || source.kind === 'ordinal';
  const type = source.kind === 'ordinal' ? 'ordinal' : 'cardinal';
  const target = resolvePluralLocale(input.targetLocale);
  if (!target.ok) return [finding('UNKNOWN_LOCALE', '', target.message)];
  const required: readonly PluralCategory[] = plural
    ? type === 'ordinal'
      ? target.data.ordinal
      : target.data.cardinal
    : [];
  const examples = type === 'ordinal' ? target.data.ordinalExamples : target.data.cardinalExamples;

  // Shape: which forms must exist.
  const present = FORM_ORDER.filter((f) => forms[f] !== undefined);
  const imported = input.origin === 'import';
  if (plural) {
    for (const c of required) {
      if (forms[c] === undefined || (imported && isBlank(forms[c] ?? ''))) {
        const ex = examples[c]?.examples ?? '';
        const numbers = ex === '' ? 'some numbers' : ex;
        out.push(
          imported
            ? finding(
                'PLURAL_INCOMPLETE',
                c,
                `Form "${c}" is missing; ${input.targetLocale} uses it for ${numbers}. The other forms ship; i18next falls back for those numbers until someone adds it.`,
              )
            : finding(
                'PLURAL_FORM_MISSING',
                c,
                `Form "${c}" is missing; ${input.targetLocale} uses it for ${numbers}; fill in every form.`,
              ),
        );
      }
    }
    for (const f of present) {
      const allowed = f !== '' && (required.includes(f) || (type === 'cardinal' && f === 'zero'));
      if (!allowed) {
        out.push(
          imported && f !== ''
            ? finding(
                'PLURAL_FORM_DROPPED',
                f,
                `Form "${f}" is not used by ${input.targetLocale}${type === 'ordinal' ? ' ordinals' : ''}; it is left out of the exported file, the other forms ship.`,
              )
            : finding(
                'PLURAL_FORM_EXTRA',
                f,
                f === ''
                  ? 'This string has plural forms; fill in each form instead of one text.'
                  : `Form "${f}" is not used by ${input.targetLocale}${type === 'ordinal' ? ' ordinals' : ''}; remove it.`,
              ),
        );
      }
    }
  } else {
    for (const f of present) {
      if (f !== '')
        out.push(
          finding('PLURAL_FORM_EXTRA', f, `This string has no plural forms; remove form "${f}".`),
        );
    }
    if (forms[''] === undefined)
      out.push(
        finding('EMPTY', '', 'The translation is empty. Write the text, or skip this string.'),
      );
  }

  const sourceTexts = FORM_ORDER.map((f) => source.forms[f]).filter(
    (t): t is string => t !== undefined,
  );
  const sourceHasCount =
    plural &&
    sourceTexts.some((t) =>
      extractPlaceholders(t).interpolations.some((ip) => ip.root === 'count'),
    );
  const sameLanguage = language(input.sourceLocale) === language(input.targetLocale);
  const cache = new Map<string, Placeholders>();
  const placeholders = (t: string): Placeholders => {
    let p = cache.get(t);
    if (!p) {
      p = extractPlaceholders(t);
      cache.set(t, p);
    }
    return p;
  };

  for (const form of present) {
    const text = forms[form] as string;
    if (
      plural &&
      (form === '' || !(required.includes(form) || (type === 'cardinal' && form === 'zero')))
    )
      continue;
    if (!plural && form !== '') continue;
    if (isBlank(text)) {
      // An imported group's blank form is a missing form (PLURAL_INCOMPLETE above), never exported.
      if (imported && plural) continue;
      out.push(
        finding(
          'EMPTY',
          form,
          `${form === '' ? 'The translation' : `Form "${form}"`} is empty or only spaces. Write the text.`,
        ),
      );
      continue;
    }
    out.push(...checkText(text, form, source.maxLength));
    const sourceText =
      (form === '' ? source.forms[''] : source.forms[form]) ??
      source.forms.other ??
      sourceTexts[sourceTexts.length - 1] ??
      '';
    const sp = placeholders(sourceText);
    const tp = placeholders(text);
    // The optional `zero` override (not a category of the locale) is only ever used for 0.
    const single =
      isPluralCategory(form) &&
      ((examples[form]?.singleInteger ?? null) !== null || !required.includes(form));
    out.push(
      ...checkInterpolations(sp.interpolations, tp.interpolations, {
        form,
        pluralUnit: plural,
        countRequired: sourceHasCount && !single,
        countReason: isPluralCategory(form)
          ? `in ${input.targetLocale} this form is used for ${examples[form]?.examples ?? 'several numbers'}`
          : 'the source shows the number',
      }),
    );
    out.push(...checkNestings(sp.nestings, tp.nestings, form));
    out.push(...checkTags(sp.tags, tp.tags, form));
    out.push(...checkHtmlSafety(sourceText, sp.tags, text, tp.tags, form));
    if (!sameLanguage && text === sourceText && hasLetters(text, tp)) {
      out.push(
        finding(
          'UNCHANGED',
          form,
          `${form === '' ? 'The translation' : `Form "${form}"`} is identical to the source. Translate it, unless the text really is the same in your language.`,
        ),
      );
    }
    out.push(...checkWhitespace(sourceText, text, form));
    out.push(
      ...checkEndPunctuation(sourceText, text, form, input.sourceLocale, input.targetLocale),
    );
    if (input.glossary !== undefined && input.glossary.length > 0)
      out.push(
        ...checkGlossary(
          sourceText,
          text,
          form,
          input.glossary,
          input.sourceLocale,
          input.targetLocale,
        ),
      );
  }

  if (plural && required.length > 1) {
    const values = required
      .map((c) => forms[c])
      .filter((t): t is string => t !== undefined && !isBlank(t));
    const sourceValues = new Set(sourceTexts);
    // Identical source forms ("{{count}} files" for both) make identical translations expected, not suspect.
    if (values.length > 1 && values.every((v) => v === values[0]) && sourceValues.size > 1) {
      out.push(
        finding(
          'SAME_PLURALS',
          'other',
          'All plural forms are identical. Each form is shown for different numbers; adapt the words to each.',
        ),
      );
    }
  }
  return out;
}
