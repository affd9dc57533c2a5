import type { Glossary, GlossaryLimits, GlossaryTerm, PartOfSpeech } from './model';
import { isPartOfSpeech } from './model';

/** A problem in an imported glossary file, with the line it was found on. */
export interface GlossaryFileError {
  readonly line: number;
  readonly message: string;
}

export type GlossaryParseResult =
  | { readonly ok: true; readonly value: Glossary }
  | { readonly ok: false; readonly errors: readonly GlossaryFileError[] };

/** Collects terms of a file: checks limits, merges duplicates, reports at most maxErrors problems. */
export class GlossaryCollector {
  readonly errors: GlossaryFileError[] = [];
  private readonly terms = new Map<string, GlossaryTerm>();

  constructor(private readonly limits: GlossaryLimits) {}

  error(line: number, message: string): void {
    if (this.errors.length < this.limits.maxErrors) this.errors.push({ line, message });
  }

  add(
    line: number,
    input: {
      term: string;
      description: string;
      partOfSpeech: string;
      caseSensitive: boolean;
      doNotTranslate: boolean;
      translations: Record<string, string>;
    },
  ): void {
    const term = input.term.trim().replace(/\s+/gu, ' ');
    if (term === '') return this.error(line, 'A term is empty.');
    if (term.length > this.limits.maxTermLength) {
      return this.error(
        line,
        `Term "${term.slice(0, 40)}…" is longer than ${this.limits.maxTermLength} characters.`,
      );
    }
    const description = input.description.trim();
    if (description.length > this.limits.maxDescriptionLength) {
      return this.error(
        line,
        `The description of "${term}" is longer than ${this.limits.maxDescriptionLength} characters.`,
      );
    }
    const pos = input.partOfSpeech.trim();
    let partOfSpeech: PartOfSpeech | null = null;
    if (pos !== '') {
      if (!isPartOfSpeech(pos)) {
        return this.error(
          line,
          `"${pos}" is not a part of speech (noun, verb, adjective, adverb, properNoun, other).`,
        );
      }
      partOfSpeech = pos;
    }
    const translations: Record<string, string> = {};
    for (const [locale, text] of Object.entries(input.translations)) {
      const t = text.trim();
      if (t === '') continue;
      if (t.length > this.limits.maxTermLength) {
        return this.error(
          line,
          `The ${locale} translation of "${term}" is longer than ${this.limits.maxTermLength} characters.`,
        );
      }
      translations[locale] = t;
    }
    const existing = this.terms.get(term);
    if (existing !== undefined) {
      this.terms.set(term, {
        ...existing,
        translations: { ...translations, ...existing.translations },
      });
      return;
    }
    if (this.terms.size >= this.limits.maxTerms) {
      return this.error(line, `The file has more than ${this.limits.maxTerms} terms.`);
    }
    this.terms.set(term, {
      term,
      description,
      partOfSpeech,
      caseSensitive: input.caseSensitive,
      doNotTranslate: input.doNotTranslate,
      translations,
    });
  }

  result(sourceLocale: string): GlossaryParseResult {
    if (this.errors.length > 0) return { ok: false, errors: this.errors };
    return { ok: true, value: { sourceLocale, terms: [...this.terms.values()] } };
  }
}

/** Terms in a stable order for export (by term text, code-unit order). */
export function sortedTerms(glossary: Glossary): GlossaryTerm[] {
  return [...glossary.terms].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** Every target locale used by a glossary, sorted. */
export function glossaryLocales(glossary: Glossary): string[] {
  const set = new Set<string>();
  for (const t of glossary.terms) for (const l of Object.keys(t.translations)) set.add(l);
  set.delete(glossary.sourceLocale);
  return [...set].sort();
}
