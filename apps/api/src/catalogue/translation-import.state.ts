import type { CatalogueUnit, Forms } from '@chorus/translation-core';
import type { EntityManager } from 'typeorm';

/** A live source string of the namespace whose entry in the file is not its unit's current winner. */
export interface StoredEntry {
  readonly stringId: string;
  readonly kind: CatalogueUnit['kind'];
  readonly sourceHash: string;
  readonly maxLength: number | null;
  /** The source forms, loaded only for strings without a current winner (else see sourceFormsOf). */
  readonly forms: Forms | null;
}

/** An entry of the file as the comparison needs it: its unit key and dedupe key (null: empty). */
export interface FileEntry {
  readonly unitKey: string;
  readonly dedupe: string | null;
}

/** What the database holds for a file's entries, by their index in the file. */
export interface StoredComparison {
  /** Entries whose key is not a live source string of the namespace. */
  readonly missing: ReadonlySet<number>;
  /**
   * Non-empty entries of a live source string whose text is not the dedupe key of the unit's
   * winner when that winner is current (its source hash), active and eligible. Every other
   * non-empty, known entry would change nothing: it needs no check, no lock and no write.
   */
  readonly pending: ReadonlyMap<number, StoredEntry>;
}

interface ComparedRow {
  ord: number;
  string_id: string | null;
  kind: CatalogueUnit['kind'];
  source_hash: string;
  max_length: number | null;
  forms: Forms | null;
}

/** See compareWithStored. */
export const COMPARE_WITH_STORED_SQL = `
     SELECT f.ord::int AS ord, s.id AS string_id, s.kind, s.source_hash, s.max_length,
            CASE WHEN w.dedupe_key IS NULL THEN s.forms END AS forms
     FROM ROWS FROM (json_array_elements_text($3::json), json_array_elements_text($4::json))
       WITH ORDINALITY AS f(unit_key, dedupe_key, ord)
     LEFT JOIN LATERAL (
       SELECT s.id, s.kind, s.source_hash, s.max_length, s.forms FROM source_string s
       WHERE s.namespace_id = $1 AND s.unit_key = f.unit_key AND s.removed_at IS NULL
       OFFSET 0
     ) s ON true
     LEFT JOIN LATERAL (
       SELECT u.id, u.winner_translation_id, u.winner_source_hash FROM translation_unit u
       WHERE u.string_id = s.id AND u.locale_id = $2
       OFFSET 0
     ) u ON true
     LEFT JOIN LATERAL (
       SELECT w.dedupe_key FROM translation w
       WHERE w.id = u.winner_translation_id AND w.unit_id = u.id
         AND u.winner_source_hash = s.source_hash AND w.source_hash = s.source_hash
         AND w.status = 'active' AND cardinality(w.blocking_errors) = 0
       OFFSET 0
     ) w ON true
     WHERE s.id IS NULL
        OR (f.dedupe_key IS NOT NULL AND w.dedupe_key IS DISTINCT FROM f.dedupe_key)`;

/**
 * Compares a file with the namespace's live source strings and, for the target locale, each unit's
 * settled winner, in one statement that answers only the entries that are missing or may change
 * something: a re-import of an unchanged file reads no rows back.
 *
 * Each entry probes its source string, its unit and the unit's winner by index (LATERAL … OFFSET 0
 * keeps each a per-entry probe), so the plan does not depend on statistics. As plain joins, the
 * plan followed them: right after a namespace's first source import (no ANALYZE yet) a first
 * translation file of 50k entries ran for minutes, rescanning the file's entries once per source
 * row; and the planner once hashed every candidate of every locale of the project for the winner.
 */
export async function compareWithStored(
  manager: EntityManager,
  namespaceId: string,
  localeId: string,
  entries: readonly FileEntry[],
): Promise<StoredComparison> {
  // Memoize would cache each probe by its key, but every entry of a file is a different key: at
  // 50k entries it doubled the statement's time (620 → 330 ms without it). Off for this statement
  // only (the caller's transaction; SET LOCAL ends with it anyway).
  await manager.query('SET LOCAL enable_memoize = off');
  const rows: ComparedRow[] = await manager.query(
    COMPARE_WITH_STORED_SQL,
    compareParams(namespaceId, localeId, entries),
  );
  await manager.query('SET LOCAL enable_memoize TO DEFAULT');
  const missing = new Set<number>();
  const pending = new Map<number, StoredEntry>();
  for (const row of rows) {
    const index = row.ord - 1;
    if (row.string_id === null) {
      missing.add(index);
      continue;
    }
    pending.set(index, {
      stringId: row.string_id,
      kind: row.kind,
      sourceHash: row.source_hash,
      maxLength: row.max_length,
      forms: row.forms,
    });
  }
  return { missing, pending };
}

/** The statement's parameters: the file's keys and dedupe keys as two JSON arrays. */
export function compareParams(
  namespaceId: string,
  localeId: string,
  entries: readonly FileEntry[],
): unknown[] {
  // JSON rather than text[] parameters: node-postgres escapes an array element by element, which
  // took longer than the whole statement for a large file.
  return [
    namespaceId,
    localeId,
    JSON.stringify(entries.map((e) => (storable(e.unitKey) ? e.unitKey : null))),
    JSON.stringify(entries.map((e) => e.dedupe)),
  ];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether PostgreSQL can hold the text as it is: a key with a NUL or a lone surrogate (a file may
 * hold the escapes) is no source string's key, and is sent as null, which matches none. (A dedupe
 * key is JSON, which escapes both.)
 */
export function storable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** Source forms of the given strings (those compareWithStored left out), by string id. */
export async function sourceFormsOf(
  manager: EntityManager,
  stringIds: readonly string[],
): Promise<Map<string, Forms>> {
  if (stringIds.length === 0) return new Map();
  const rows: { id: string; forms: Forms }[] = await manager.query(
    'SELECT id, forms FROM source_string WHERE id = ANY($1::uuid[])',
    [stringIds],
  );
  return new Map(rows.map((r) => [r.id, r.forms]));
}
