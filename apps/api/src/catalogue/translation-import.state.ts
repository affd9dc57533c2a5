import type { CatalogueUnit, Forms } from '@chorus/translation-core';
import type { EntityManager } from 'typeorm';

/** A live source string of the namespace and what the import's locale already holds for it. */
export interface StoredEntry {
  readonly stringId: string;
  readonly kind: CatalogueUnit['kind'];
  readonly sourceHash: string;
  readonly maxLength: number | null;
  /** The source forms, loaded only for strings without a current winner (else see sourceFormsOf). */
  readonly forms: Forms | null;
  /**
   * Dedupe key of the unit's winner when that winner is current (its source hash), active and
   * eligible: importing the same text again would change nothing, so it needs no lock and no write.
   */
  readonly winnerDedupe: string | null;
}

interface StoredRow {
  string_id: string;
  unit_key: string;
  kind: CatalogueUnit['kind'];
  source_hash: string;
  max_length: number | null;
  forms: Forms | null;
  winner_dedupe: string | null;
}

/**
 * One read of the namespace's live source strings with, for the target locale, the dedupe key of
 * each unit's settled winner. Keyed by unit key (translation-core's unit id).
 */
export async function loadStoredEntries(
  manager: EntityManager,
  namespaceId: string,
  localeId: string,
): Promise<Map<string, StoredEntry>> {
  const rows: StoredRow[] = await manager.query(
    `SELECT s.id AS string_id, s.unit_key, s.kind, s.source_hash, s.max_length,
            w.dedupe_key AS winner_dedupe, CASE WHEN w.id IS NULL THEN s.forms END AS forms
     FROM source_string s
     LEFT JOIN translation_unit u ON u.string_id = s.id AND u.locale_id = $2
     LEFT JOIN translation w ON w.id = u.winner_translation_id AND w.unit_id = u.id
       AND u.winner_source_hash = s.source_hash AND w.source_hash = s.source_hash
       AND w.status = 'active' AND cardinality(w.blocking_errors) = 0
     WHERE s.namespace_id = $1 AND s.removed_at IS NULL`,
    [namespaceId, localeId],
  );
  const entries = new Map<string, StoredEntry>();
  for (const row of rows) {
    entries.set(row.unit_key, {
      stringId: row.string_id,
      kind: row.kind,
      sourceHash: row.source_hash,
      maxLength: row.max_length,
      forms: row.forms,
      winnerDedupe: row.winner_dedupe,
    });
  }
  return entries;
}

/** Source forms of the given strings (those loadStoredEntries left out), by string id. */
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
