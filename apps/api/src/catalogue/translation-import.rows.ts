/**
 * The import's writes, set-based inside the caller's transaction (translation-import.writer.ts
 * decides what to write): units claimed and locked, candidates stored or revived, and imported
 * winners decided with their rounds.
 */
import type { CatalogueUnit, Forms } from '@chorus/translation-core';
import type { VotingParams } from '@chorus/voting';
import type { EntityManager } from 'typeorm';

export interface TranslationImportTarget {
  readonly projectId: string;
  readonly namespaceId: string;
  readonly localeId: string;
  readonly locale: string;
  readonly sourceLocale: string;
  readonly authorId: string;
  readonly params: VotingParams;
}

export interface Candidate {
  readonly stringId: string;
  readonly sourceHash: string;
  readonly forms: Forms;
  readonly dedupe: string;
  readonly findings: { code: string; severity: string; form: string; message: string }[];
  readonly blocking: string[];
  readonly unit: CatalogueUnit;
}

export interface UnitRow {
  id: string;
  string_id: string;
  locked: boolean;
  winner_translation_id: string | null;
  winner_source_hash: string | null;
  winner_origin: string | null;
  live: boolean;
}

/** The stored candidate of (unit, imported text) after the insert or revive. */
export interface CandidateRow {
  id: string;
  status: string;
  source_hash: string;
  blocking_errors: string[];
}

export interface Decision {
  readonly unitId: string;
  readonly roundId: string;
  readonly sourceHash: string;
  readonly winnerId: string;
}

/**
 * The translation units of the given strings, locked: every change to a unit's candidates, rounds
 * or winner is serialised on its row. Units this statement creates are ours until commit (nobody
 * else sees them), so only the ones that existed are locked with SELECT … FOR UPDATE.
 */
export async function claimUnits(
  manager: EntityManager,
  target: TranslationImportTarget,
  stringIds: readonly string[],
): Promise<Map<string, UnitRow>> {
  const created: { id: string; string_id: string }[] = await manager.query(
    `INSERT INTO translation_unit (project_id, string_id, locale_id)
     SELECT $1, s, $2 FROM unnest($3::uuid[]) AS s
     ON CONFLICT (string_id, locale_id) DO NOTHING RETURNING id, string_id`,
    [target.projectId, target.localeId, stringIds],
  );
  const units = new Map<string, UnitRow>();
  for (const row of created) {
    units.set(row.string_id, {
      id: row.id,
      string_id: row.string_id,
      locked: false,
      winner_translation_id: null,
      winner_source_hash: null,
      winner_origin: null,
      live: false,
    });
  }
  const existing = stringIds.filter((id) => !units.has(id));
  if (existing.length === 0) return units;
  const locked: UnitRow[] = await manager.query(
    `SELECT u.id, u.string_id, u.locked, u.winner_translation_id, u.winner_source_hash,
            w.origin AS winner_origin,
            EXISTS (SELECT 1 FROM round r WHERE r.unit_id = u.id
                    AND r.state IN ('OPEN', 'COLLECTING', 'CLOSING')) AS live
     FROM translation_unit u LEFT JOIN translation w ON w.id = u.winner_translation_id
     WHERE u.locale_id = $1 AND u.string_id = ANY($2::uuid[])
     ORDER BY u.id FOR UPDATE OF u`,
    [target.localeId, existing],
  );
  for (const row of locked) units.set(row.string_id, row);
  return units;
}

/**
 * Inserts each candidate, revives the ones that were outdated, and reads back only the rest: a
 * unit holds one entry of a file, so rows are keyed by unit id.
 */
export async function storeCandidates(
  manager: EntityManager,
  target: TranslationImportTarget,
  candidates: readonly Candidate[],
  unitIds: readonly string[],
  now: Date,
): Promise<{ rows: Map<string, CandidateRow>; added: number }> {
  const inserted: { id: string; unit_id: string }[] = await manager.query(
    `INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key, status, origin,
       findings, blocking_errors)
     SELECT c.unit_id, $1, c.source_hash, c.forms::jsonb, c.dedupe_key, 'active', 'import',
            c.findings::jsonb, ARRAY(SELECT jsonb_array_elements_text(c.blocking::jsonb))
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS c(unit_id, source_hash, forms, dedupe_key, findings, blocking)
     ON CONFLICT (unit_id, dedupe_key) DO NOTHING RETURNING id, unit_id`,
    [
      target.authorId,
      unitIds,
      candidates.map((c) => c.sourceHash),
      candidates.map((c) => JSON.stringify(c.forms)),
      candidates.map((c) => c.dedupe),
      candidates.map((c) => JSON.stringify(c.findings)),
      candidates.map((c) => JSON.stringify(c.blocking)),
    ],
  );
  const rows = new Map<string, CandidateRow>();
  const byUnit = new Map(candidates.map((c, i) => [unitIds[i] ?? '', c]));
  const fresh = (id: string, c: Candidate): CandidateRow => ({
    id,
    status: 'active',
    source_hash: c.sourceHash,
    blocking_errors: c.blocking,
  });
  for (const r of inserted) {
    const c = byUnit.get(r.unit_id);
    if (c !== undefined) rows.set(r.unit_id, fresh(r.id, c));
  }
  const rest = [...byUnit].filter(([unitId]) => !rows.has(unitId));
  if (rest.length === 0) return { rows, added: inserted.length };
  const revived = await reviveOutdated(manager, rest, now);
  for (const r of revived) {
    const c = byUnit.get(r.unit_id);
    if (c !== undefined) rows.set(r.unit_id, fresh(r.id, c));
  }
  const unread = rest.filter(([unitId]) => !rows.has(unitId));
  if (unread.length > 0) {
    const read: (CandidateRow & { unit_id: string })[] = await manager.query(
      `SELECT t.id, t.unit_id, t.status, t.source_hash, t.blocking_errors
       FROM translation t JOIN unnest($1::uuid[], $2::text[]) AS c(unit_id, dedupe_key)
         ON t.unit_id = c.unit_id AND t.dedupe_key = c.dedupe_key`,
      [unread.map(([unitId]) => unitId), unread.map(([, c]) => c.dedupe)],
    );
    for (const r of read) rows.set(r.unit_id, r);
  }
  return { rows, added: inserted.length + revived.length };
}

/** The same text imported again after its source changed: the candidate is current again. */
async function reviveOutdated(
  manager: EntityManager,
  rest: readonly (readonly [string, Candidate])[],
  now: Date,
): Promise<{ id: string; unit_id: string }[]> {
  // TypeORM answers UPDATE … RETURNING with [rows, affected].
  const [revived]: [{ id: string; unit_id: string }[], number] = await manager.query(
    `UPDATE translation t SET status = 'active', source_hash = c.source_hash,
       findings = c.findings::jsonb,
       blocking_errors = ARRAY(SELECT jsonb_array_elements_text(c.blocking::jsonb)), updated_at = $1
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS c(unit_id, source_hash, dedupe_key, findings, blocking)
     WHERE t.unit_id = c.unit_id AND t.dedupe_key = c.dedupe_key
       AND t.status = 'outdated' AND t.source_hash <> c.source_hash
     RETURNING t.id, t.unit_id`,
    [
      now,
      rest.map(([unitId]) => unitId),
      rest.map(([, c]) => c.sourceHash),
      rest.map(([, c]) => c.dedupe),
      rest.map(([, c]) => JSON.stringify(c.findings)),
      rest.map(([, c]) => JSON.stringify(c.blocking)),
    ],
  );
  return revived;
}

/** One DECIDED round [IMPORTED] per unit, and the unit's published winner (C1, C4), in one statement. */
export async function decideImported(
  manager: EntityManager,
  target: TranslationImportTarget,
  decisions: readonly Decision[],
  now: Date,
): Promise<void> {
  await manager.query(
    `WITH d AS (
       SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[])
         AS d(round_id, unit_id, source_hash, winner_id)
     ), rounds AS (
       INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, closed_at,
         winner_id, reasons, decision)
       SELECT d.round_id, d.unit_id,
              COALESCE((SELECT max(r.number) FROM round r WHERE r.unit_id = d.unit_id), 0) + 1,
              d.source_hash, 'DECIDED', $1::jsonb, $2, $2, d.winner_id, '{IMPORTED}',
              '{"reason": "IMPORTED"}'::jsonb
       FROM d
     )
     UPDATE translation_unit u SET winner_translation_id = d.winner_id,
       winner_round_id = d.round_id, winner_source_hash = d.source_hash, decided_at = $2,
       updated_at = $2
     FROM d WHERE u.id = d.unit_id`,
    [
      JSON.stringify(target.params),
      now,
      decisions.map((d) => d.roundId),
      decisions.map((d) => d.unitId),
      decisions.map((d) => d.sourceHash),
      decisions.map((d) => d.winnerId),
    ],
  );
}
