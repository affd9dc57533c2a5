import { sortCategories, type PluralCategory, type SourceUnit } from '@chorus/translation-core';
import type { EntityManager } from 'typeorm';
import { storable } from './translation-import.state';

export interface SourceImportCounts {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly unchanged: number;
}

export interface SourceImportOutcome extends SourceImportCounts {
  /** Whether any row was written: an unchanged file touches none and changes no bundle. */
  readonly touched: boolean;
}

/** A file unit that is new, revived, moved or changed, as compareSourceWithStored answers it. */
interface DifferingRow {
  ord: number;
  id: string | null;
  removed: boolean | null;
  stored_hash: string | null;
}

/**
 * Compares a source file with the namespace's stored strings in one statement and answers only
 * the units that are new or differ in any stored column (text, position, key, kind, path, context,
 * max length, retired), plus one last row whose `live_missing` counts the live strings the file
 * does not hold (to retire). An unchanged file reads one row back. Each unit probes its string by
 * index (LATERAL … OFFSET 0), so the plan cannot rescan the namespace per unit whatever the
 * statistics say (see compareWithStored).
 */
export const COMPARE_SOURCE_SQL = `
WITH f AS MATERIALIZED (
  SELECT * FROM ROWS FROM (
      json_array_elements_text($2::json), json_array_elements_text($3::json),
      json_array_elements_text($4::json), json_array_elements($5::json),
      json_array_elements($6::json), json_array_elements_text($7::json),
      json_array_elements_text($8::json))
    WITH ORDINALITY AS f(unit_key, key, kind, path, context, source_hash, max_length, ord)
), m AS MATERIALIZED (
  SELECT f.ord, s.id, s.removed, s.source_hash AS stored_hash,
         s.id IS NULL OR s.removed OR s.source_hash <> f.source_hash OR s.position <> f.ord - 1
           OR s.key <> f.key OR s.kind <> f.kind OR s.max_length IS DISTINCT FROM f.max_length::int
           OR s.path <> f.path::jsonb
           OR s.context IS DISTINCT FROM (CASE WHEN json_typeof(f.context) = 'null' THEN NULL ELSE f.context::jsonb END)
           AS differs
    FROM f
    LEFT JOIN LATERAL (
      SELECT s.id, s.removed_at IS NOT NULL AS removed, s.source_hash, s.position, s.key, s.kind,
             s.max_length, s.path, s.context
        FROM source_string s WHERE s.namespace_id = $1 AND s.unit_key = f.unit_key
      OFFSET 0
    ) s ON true
)
SELECT ord::int, id, removed, stored_hash, NULL::int AS live_missing FROM m WHERE differs
UNION ALL
SELECT NULL, NULL, NULL, NULL,
       ((SELECT count(*) FROM source_string WHERE namespace_id = $1 AND removed_at IS NULL)
        - (SELECT count(*) FROM m WHERE id IS NOT NULL AND NOT removed))::int`;

/** All forms joined in canonical order: what search and translation memory compare (pg_trgm). */
export function sourceTextOf(unit: Pick<SourceUnit, 'kind' | 'forms'>): string {
  if (unit.kind !== 'plural' && unit.kind !== 'ordinal') return unit.forms[''] ?? '';
  const categories = sortCategories(Object.keys(unit.forms) as PluralCategory[]);
  return categories.map((c) => unit.forms[c] ?? '').join('\n');
}

/** COMPARE_SOURCE_SQL's parameters: the namespace and the file's units as JSON arrays. */
export function compareSourceParams(namespaceId: string, units: readonly SourceUnit[]): unknown[] {
  const sent = units.map(comparable);
  return [
    namespaceId,
    // A unit PostgreSQL cannot hold as it is (see storable) is sent as null and matches nothing:
    // it goes to the insert, which refuses or stores it exactly as it did before the comparison.
    JSON.stringify(units.map((u, i) => (sent[i] === true ? u.id : null))),
    JSON.stringify(units.map((u, i) => (sent[i] === true ? u.key : null))),
    JSON.stringify(units.map((u) => u.kind)),
    JSON.stringify(units.map((u, i) => (sent[i] === true ? u.path : null))),
    JSON.stringify(units.map((u, i) => (sent[i] === true ? (u.context ?? null) : null))),
    JSON.stringify(units.map((u) => u.sourceHash)),
    JSON.stringify(units.map((u) => u.maxLength ?? null)),
  ];
}

/**
 * Upserts a namespace's source strings in bulk (DESIGN §4, C4). Rows whose content is identical are
 * not touched (no updated_at churn); changed text outdates the strings' active candidates and ends
 * their live rounds as UNDECIDED [SOURCE_CHANGED], which leaves old winners stale by hash; keys
 * missing from the file are retired (removed_at), never deleted. Runs inside the caller's transaction.
 * Reports whether it wrote anything, so an unchanged file requests no bundle rebuild.
 */
export async function writeSourceStrings(
  manager: EntityManager,
  target: { readonly projectId: string; readonly namespaceId: string },
  units: readonly SourceUnit[],
  now: Date,
): Promise<SourceImportOutcome> {
  // Memoize would cache each probe by key; every unit of a file is a different key (see
  // compareWithStored). SET LOCAL: the caller's transaction.
  await manager.query('SET LOCAL enable_memoize = off');
  const answered: (DifferingRow & { live_missing: number | null })[] = await manager.query(
    COMPARE_SOURCE_SQL,
    compareSourceParams(target.namespaceId, units),
  );
  await manager.query('SET LOCAL enable_memoize TO DEFAULT');
  const liveMissing = answered.at(-1)?.live_missing ?? 0;
  const inserts: { unit: SourceUnit; position: number }[] = [];
  const updates: { id: string; unit: SourceUnit; position: number }[] = [];
  const changedIds: string[] = [];
  let added = 0;
  let changed = 0;
  for (const row of answered) {
    if (row.live_missing !== null) continue;
    const position = row.ord - 1;
    const unit = units[position] as SourceUnit;
    if (row.id === null) {
      inserts.push({ unit, position });
      added += 1;
      continue;
    }
    updates.push({ id: row.id, unit, position });
    const textChanged = row.stored_hash !== unit.sourceHash;
    if (textChanged) changedIds.push(row.id);
    if (row.removed === true) added += 1;
    else if (textChanged) changed += 1;
  }
  const unchanged = units.length - added - changed;
  const retired = liveMissing > 0 ? await retiredStrings(manager, target.namespaceId, units) : [];

  if (inserts.length > 0) {
    await manager.query(
      `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, context,
         forms, source_text, source_hash, max_length, position)
       SELECT $1, $2, u.unit_key, u.key, u.kind, u.path::jsonb, u.context::jsonb, u.forms::jsonb,
              u.source_text, u.source_hash, u.max_length, u.position
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::int[], $12::int[])
         AS u(unit_key, key, kind, path, context, forms, source_text, source_hash, max_length, position)`,
      [target.projectId, target.namespaceId, ...columns(inserts)],
    );
  }
  if (updates.length > 0) {
    await manager.query(
      `UPDATE source_string s SET key = u.key, kind = u.kind, path = u.path::jsonb,
         context = u.context::jsonb, forms = u.forms::jsonb, source_text = u.source_text,
         source_hash = u.source_hash, max_length = u.max_length, position = u.position,
         removed_at = NULL, updated_at = $2
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::int[], $13::int[])
         AS u(id, unit_key, key, kind, path, context, forms, source_text, source_hash, max_length, position)
       WHERE s.id = u.id AND s.namespace_id = $1`,
      [target.namespaceId, now, updates.map((u) => u.id), ...columns(updates)],
    );
  }
  if (retired.length > 0) {
    await manager.query(
      `UPDATE source_string SET removed_at = $2, updated_at = $2 WHERE id = ANY($1::uuid[])`,
      [retired, now],
    );
  }
  if (changedIds.length > 0) await outdateChangedStrings(manager, changedIds, now);
  const touched = inserts.length + updates.length + retired.length > 0;
  return { added, changed, removed: retired.length, unchanged, touched };
}

/** Whether every text the comparison sends of the unit survives PostgreSQL's json → text. */
function comparable(unit: SourceUnit): boolean {
  return (
    storable(unit.id) &&
    storable(unit.key) &&
    unit.path.every((segment) => typeof segment !== 'string' || storable(segment)) &&
    (unit.context === undefined || (storable(unit.context.base) && storable(unit.context.value)))
  );
}

/** The namespace's live strings whose keys the file no longer holds (only read when there are some). */
async function retiredStrings(
  manager: EntityManager,
  namespaceId: string,
  units: readonly SourceUnit[],
): Promise<string[]> {
  const inFile = new Set(units.map((u) => u.id));
  const live: { id: string; unit_key: string }[] = await manager.query(
    'SELECT id, unit_key FROM source_string WHERE namespace_id = $1 AND removed_at IS NULL',
    [namespaceId],
  );
  return live.filter((row) => !inFile.has(row.unit_key)).map((row) => row.id);
}

/** C1 "source change": candidates for the old text become outdated; live rounds end UNDECIDED. */
async function outdateChangedStrings(
  manager: EntityManager,
  stringIds: readonly string[],
  now: Date,
): Promise<void> {
  await manager.query(
    `UPDATE translation t SET status = 'outdated', updated_at = $2
     FROM translation_unit u JOIN source_string s ON s.id = u.string_id
     WHERE t.unit_id = u.id AND u.string_id = ANY($1::uuid[])
       AND t.status = 'active' AND t.source_hash <> s.source_hash`,
    [stringIds, now],
  );
  await manager.query(
    `UPDATE round r SET state = 'UNDECIDED', reasons = '{SOURCE_CHANGED}', closed_at = $2
     FROM translation_unit u
     WHERE r.unit_id = u.id AND u.string_id = ANY($1::uuid[]) AND r.state IN ('OPEN', 'COLLECTING')`,
    [stringIds, now],
  );
}

/** Column arrays in the order the INSERT/UPDATE statements above name them (after unit_key). */
function columns(rows: readonly { unit: SourceUnit; position: number }[]): unknown[] {
  return [
    rows.map((r) => r.unit.id),
    rows.map((r) => r.unit.key),
    rows.map((r) => r.unit.kind),
    rows.map((r) => JSON.stringify(r.unit.path)),
    rows.map((r) => (r.unit.context === undefined ? null : JSON.stringify(r.unit.context))),
    rows.map((r) => JSON.stringify(r.unit.forms)),
    rows.map((r) => sourceTextOf(r.unit)),
    rows.map((r) => r.unit.sourceHash),
    rows.map((r) => r.unit.maxLength ?? null),
    rows.map((r) => r.position),
  ];
}
