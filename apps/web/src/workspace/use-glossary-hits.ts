import { findGlossaryHits, type GlossaryCheckTerm } from '@chorus/translation-core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { GLOSSARY_HITS, type GlossaryHit } from '../api/glossary-operations';
import type { TranslatableString } from '../api/types';
import { request } from '../graphql-client';
import type { TextMark } from '../text/tokenized-text';
import { useQuery } from '../use-query';

export interface GlossaryForUnit {
  /** Terms found in the source, one entry per term, in source order. */
  readonly hits: readonly GlossaryHit[];
  /** The same terms as translation-core's live check needs them. */
  readonly checkTerms: readonly GlossaryCheckTerm[];
}

const NONE: GlossaryForUnit = { hits: [], checkTerms: [] };

/**
 * The glossary terms of a string's source (all forms) with their approved translations in the
 * string's locale. Only terms found in the source matter to the check, so nothing else is loaded.
 * Until the answer arrives (or when it fails) the editor simply checks without a glossary.
 */
export function useGlossaryHits(project: string, unit: TranslatableString): GlossaryForUnit {
  const text = unit.sourceForms.map((f) => f.text).join('\n');
  const query = useQuery(
    () => request(GLOSSARY_HITS, { project, locale: unit.locale, text }),
    `${project}\n${unit.locale}\n${unit.id}`,
  );
  const hits = query.state === 'ready' ? query.data.glossaryHits : null;
  return useMemo(() => {
    if (hits === null) return NONE;
    const seen = new Set<string>();
    const unique = hits.filter((h) => (seen.has(h.term.id) ? false : (seen.add(h.term.id), true)));
    return {
      hits: unique,
      checkTerms: unique.map((h) => ({
        id: h.term.id,
        term: h.term.term,
        caseSensitive: h.term.caseSensitive,
        doNotTranslate: h.term.doNotTranslate,
        translation: h.term.translation,
      })),
    };
  }, [hits]);
}

/** Where the terms occur in one source form, with the approved translation as each mark's tooltip. */
export function glossaryMarksOf(
  text: string,
  terms: readonly GlossaryCheckTerm[],
  sourceLocale: string,
  t: TFunction,
): TextMark[] {
  if (terms.length === 0) return [];
  const byId = new Map(terms.map((term) => [term.id, term]));
  return findGlossaryHits(text, terms, sourceLocale).map((hit) => {
    const term = byId.get(hit.termId);
    const title =
      term === undefined
        ? ''
        : term.doNotTranslate
          ? t('glossary.keepAsIs', { term: term.term })
          : (term.translation ?? t('glossary.noApproved'));
    return { start: hit.start, end: hit.end, title };
  });
}
