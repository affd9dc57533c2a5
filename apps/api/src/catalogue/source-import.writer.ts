import { sortCategories, type PluralCategory, type SourceUnit } from '@chorus/translation-core';
import type { EntityManager } from 'typeorm';

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

interface ExistingRow {
  id: string;
  unit_key: string;
  key: string;
  kind: string;
  path: unknown;
  context: { base: string; value: string } | null;
  source_hash: string;
  max_length: number | null;
  position: number;
  removed: boolean;
}

/** All forms joined in canonical order: what search and translation memory compare (pg_trgm). */
export function sourceTextOf(unit: Pick<SourceUnit, 'kind' | 'forms'>): string {
  if (unit.kind !== 'plural' && unit.kind !== 'ordinal') return unit.forms[''] ?? '';
  const categories = sortCategories(Object.keys(unit.forms) as PluralCategory[]);
  return categories.map((c) => unit.forms[c] ?? '').join('\n');
}

function sameContext(a: ExistingRow['context'], b: SourceUnit['context']): boolean {
  if (a === null || b === undefined) return a === null && b === undefined;
  return a.base === b.base && a.value === b.value;
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
  const existing: ExistingRow[] = await manager.query(
    `SELECT id, unit_key, key, kind, path, context, source_hash, max_length, position,
            removed_at IS NOT NULL AS removed
     FROM source_string WHERE namespace_id = $1`,
    [target.namespaceId],
  );
  const byKey = new Map(existing.map((row) => [row.unit_key, row]));
  const inFile = new Set<string>();
  const inserts: { unit: SourceUnit; position: number }[] = [];
  const updates: { id: string; unit: SourceUnit; position: number }[] = [];
  const changedIds: string[] = [];
  let added = 0;
  let unchanged = 0;
  let changed = 0;
  units.forEach((unit, position) => {
    inFile.add(unit.id);
    const row = byKey.get(unit.id);
    if (row === undefined) {
      inserts.push({ unit, position });
      added += 1;
      return;
    }
    const textChanged = row.source_hash !== unit.sourceHash;
    const differs =
      textChanged ||
      row.removed ||
      row.position !== position ||
      row.key !== unit.key ||
      row.kind !== unit.kind ||
      row.max_length !== (unit.maxLength ?? null) ||
      JSON.stringify(row.path) !== JSON.stringify(unit.path) ||
      !sameContext(row.context, unit.context);
    if (differs) updates.push({ id: row.id, unit, position });
    if (textChanged) changedIds.push(row.id);
    if (row.removed) added += 1;
    else if (textChanged) changed += 1;
    else unchanged += 1;
  });
  const retired = existing.filter((row) => !row.removed && !inFile.has(row.unit_key));

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
      [retired.map((r) => r.id), now],
    );
  }
  if (changedIds.length > 0) await outdateChangedStrings(manager, changedIds, now);
  const touched = inserts.length + updates.length + retired.length > 0;
  return { added, changed, removed: retired.length, unchanged, touched };
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
