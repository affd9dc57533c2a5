import {
  type GlossaryCheckTerm,
  glossaryTextKeys,
  type PartOfSpeech,
} from '@chorus/translation-core';
import type { EntityManager } from 'typeorm';

/** A term with its approved translation in one locale (null when none is decided yet). */
export interface GlossaryRow extends GlossaryCheckTerm {
  readonly stringId: string;
  readonly description: string;
  readonly partOfSpeech: PartOfSpeech | null;
}

interface Row {
  id: string;
  string_id: string;
  term: string;
  description: string;
  part_of_speech: PartOfSpeech | null;
  case_sensitive: boolean;
  do_not_translate: boolean;
  translation: string | null;
}

/** Which terms to read: one by id, or those a text may hold. */
export type GlossaryFilter =
  | { readonly termId: string }
  /**
   * Only the terms translation-core could find in these texts (by `match_key`, see
   * glossaryTextKeys), and those with no key: the same hits as the whole glossary, read in a
   * fraction (a submit read every term of the project before).
   */
  | { readonly texts: readonly string[] };

/**
 * The project's terms and, for `localeCode`, each term's approved translation: the decided winner
 * of the term's string in that locale, unless the term's text changed since (a stale winner).
 */
export async function loadGlossary(
  db: Pick<EntityManager, 'query'>,
  projectId: string,
  locale: { readonly code: string } | { readonly id: string } | null,
  filter?: GlossaryFilter,
): Promise<GlossaryRow[]> {
  const byId = locale !== null && 'id' in locale;
  const termId = filter !== undefined && 'termId' in filter ? filter.termId : null;
  const keys = filter !== undefined && 'texts' in filter ? glossaryTextKeys(filter.texts) : null;
  const rows = (await db.query(
    `SELECT g.id, g.string_id, g.term, g.description, g.part_of_speech, g.case_sensitive,
            g.do_not_translate, t.forms ->> '' AS translation
       FROM glossary_term g
       JOIN source_string s ON s.id = g.string_id
       LEFT JOIN locale l ON l.project_id = g.project_id AND ${byId ? 'l.id::text' : 'l.code'} = $2
       LEFT JOIN translation_unit u ON u.string_id = g.string_id AND u.locale_id = l.id
       LEFT JOIN translation t ON t.id = u.winner_translation_id AND u.winner_source_hash = s.source_hash
      WHERE g.project_id = $1 AND ($3::uuid IS NULL OR g.id = $3::uuid)
        AND ($4::text[] IS NULL OR g.match_key IS NULL OR g.match_key = ANY($4::text[]))
      ORDER BY g.term, g.id`,
    [projectId, locale === null ? '' : 'id' in locale ? locale.id : locale.code, termId, keys],
  )) as Row[];
  return rows.map((r) => ({
    id: r.id,
    stringId: r.string_id,
    term: r.term,
    description: r.description,
    partOfSpeech: r.part_of_speech,
    caseSensitive: r.case_sensitive,
    doNotTranslate: r.do_not_translate,
    translation: r.translation,
  }));
}
