import type { FormKey } from '../model';
import type { Finding } from '../checks/finding';
import { finding, formLabel } from '../checks/finding';
import { findGlossaryHits, findPhrase } from './match';
import type { GlossaryCheckTerm } from './model';

/**
 * The glossary check of one form: for each term found in the source text,
 * - a do-not-translate term must appear in the translation as written (E `GLOSSARY_DO_NOT_TRANSLATE`);
 * - a term with an approved translation should be rendered with it (W `GLOSSARY_TERM_MISMATCH`),
 *   case-insensitively unless the term is case-sensitive, and with inflected endings tolerated in
 *   inflected languages.
 * Each term is reported once per form, however often it occurs.
 */
export function checkGlossary(
  sourceText: string,
  target: string,
  form: FormKey,
  glossary: readonly GlossaryCheckTerm[],
  sourceLocale: string,
  targetLocale: string,
): Finding[] {
  if (glossary.length === 0) return [];
  const byId = new Map(glossary.map((t) => [t.id, t]));
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const hit of findGlossaryHits(sourceText, glossary, sourceLocale)) {
    const term = byId.get(hit.termId);
    if (term === undefined || seen.has(term.id)) continue;
    seen.add(term.id);
    if (term.doNotTranslate) {
      const kept = findPhrase(target, term.term, {
        locale: targetLocale,
        caseSensitive: true,
        verbatim: true,
      });
      if (kept.length === 0) {
        out.push(
          finding(
            'GLOSSARY_DO_NOT_TRANSLATE',
            form,
            `${formLabel(form)} must keep "${term.term}" exactly as written: the glossary marks it "do not translate".`,
          ),
        );
      }
      continue;
    }
    if (term.translation === null || term.translation.trim() === '') continue;
    const used = findPhrase(target, term.translation, {
      locale: targetLocale,
      caseSensitive: term.caseSensitive,
    });
    if (used.length === 0) {
      out.push(
        finding(
          'GLOSSARY_TERM_MISMATCH',
          form,
          `${formLabel(form)} does not use the approved glossary translation of "${term.term}": "${term.translation}". Use it, unless the context really needs another word.`,
        ),
      );
    }
  }
  return out;
}
