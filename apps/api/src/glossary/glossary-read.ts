import {
  type GlossaryCheckTerm,
  glossaryTextKeys,
  type PartOfSpeech,
} from '@chorus/translation-core';
import type { EntityManager } from 'typeorm';
import type { PlannedPool } from '../database/planned-pool';

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

/** The term columns and the joins to its approved translation in the locale `l` matches. */
const TERM_COLUMNS = `g.id, g.string_id, g.term, g.description, g.part_of_speech, g.case_sensitive,
            g.do_not_translate, t.forms ->> '' AS translation`;
const APPROVED_TRANSLATION = `JOIN source_string s ON s.id = g.string_id
       LEFT JOIN translation_unit u ON u.string_id = g.string_id AND u.locale_id = l.id
       LEFT JOIN translation t ON t.id = u.winner_translation_id AND u.winner_source_hash = s.source_hash`;

/**
 * A submit's glossary check (loadGlossaryForTexts): the terms a text may hold, in a locale given by
 * id. Its own text, without loadGlossary's optional filters, so one generic plan serves every call.
 */
const TERMS_FOR_TEXTS_SQL = `SELECT ${TERM_COLUMNS}
       FROM glossary_term g
       LEFT JOIN locale l ON l.project_id = g.project_id AND l.id = $2::uuid
       ${APPROVED_TRANSLATION}
      WHERE g.project_id = $1 AND (g.match_key IS NULL OR g.match_key = ANY($3::text[]))
      ORDER BY g.term, g.id`;

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
    `SELECT ${TERM_COLUMNS}
       FROM glossary_term g
       LEFT JOIN locale l ON l.project_id = g.project_id AND ${byId ? 'l.id::text' : 'l.code'} = $2
       ${APPROVED_TRANSLATION}
      WHERE g.project_id = $1 AND ($3::uuid IS NULL OR g.id = $3::uuid)
        AND ($4::text[] IS NULL OR g.match_key IS NULL OR g.match_key = ANY($4::text[]))
      ORDER BY g.term, g.id`,
    [projectId, locale === null ? '' : 'id' in locale ? locale.id : locale.code, termId, keys],
  )) as Row[];
  return rows.map(toGlossaryRow);
}

/**
 * What loadGlossary answers for `{ texts }` in a locale given by id, on a pool that plans it once
 * per connection: a submit's check ran the general statement, planned on every call (its optional
 * filters need the values to plan), 0.56 ms of planning for 0.5 ms of execution in W8.
 */
export async function loadGlossaryForTexts(
  pool: Pick<PlannedPool, 'query'>,
  projectId: string,
  localeId: string,
  texts: readonly string[],
): Promise<GlossaryRow[]> {
  const rows = await pool.query<Row>(TERMS_FOR_TEXTS_SQL, [
    projectId,
    localeId,
    glossaryTextKeys(texts),
  ]);
  return rows.map(toGlossaryRow);
}

function toGlossaryRow(r: Row): GlossaryRow {
  return {
    id: r.id,
    stringId: r.string_id,
    term: r.term,
    description: r.description,
    partOfSpeech: r.part_of_speech,
    caseSensitive: r.case_sensitive,
    doNotTranslate: r.do_not_translate,
    translation: r.translation,
  };
}
