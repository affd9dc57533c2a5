import type { GlossaryCheckTerm, PartOfSpeech } from '@chorus/translation-core';
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

/**
 * The project's terms and, for `localeCode`, each term's approved translation: the decided winner
 * of the term's string in that locale, unless the term's text changed since (a stale winner).
 */
export async function loadGlossary(
  db: Pick<EntityManager, 'query'>,
  projectId: string,
  locale: { readonly code: string } | { readonly id: string } | null,
  termId?: string,
): Promise<GlossaryRow[]> {
  const byId = locale !== null && 'id' in locale;
  const rows = (await db.query(
    `SELECT g.id, g.string_id, g.term, g.description, g.part_of_speech, g.case_sensitive,
            g.do_not_translate, t.forms ->> '' AS translation
       FROM glossary_term g
       JOIN source_string s ON s.id = g.string_id
       LEFT JOIN locale l ON l.project_id = g.project_id AND ${byId ? 'l.id::text' : 'l.code'} = $2
       LEFT JOIN translation_unit u ON u.string_id = g.string_id AND u.locale_id = l.id
       LEFT JOIN translation t ON t.id = u.winner_translation_id AND u.winner_source_hash = s.source_hash
      WHERE g.project_id = $1 AND ($3::uuid IS NULL OR g.id = $3::uuid)
      ORDER BY g.term, g.id`,
    [projectId, locale === null ? '' : 'id' in locale ? locale.id : locale.code, termId ?? null],
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
