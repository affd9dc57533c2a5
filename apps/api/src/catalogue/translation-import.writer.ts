import { checkTranslation, type CatalogueUnit, type Forms } from '@chorus/translation-core';
import { dedupeKey, normalizeForms, type VotingParams } from '@chorus/voting';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ImportWarning } from './import-result';

export interface TranslationImportTarget {
  readonly projectId: string;
  readonly namespaceId: string;
  readonly localeId: string;
  readonly locale: string;
  readonly sourceLocale: string;
  readonly authorId: string;
  readonly params: VotingParams;
}

export interface TranslationImportCounts {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly imported: number;
  readonly skipped: number;
  readonly warnings: readonly ImportWarning[];
}

interface SourceRow {
  id: string;
  unit_key: string;
  kind: CatalogueUnit['kind'];
  forms: Forms;
  source_hash: string;
  max_length: number | null;
}

interface Candidate {
  readonly stringId: string;
  readonly sourceHash: string;
  readonly forms: Forms;
  readonly dedupe: string;
  readonly findings: { code: string; severity: string; form: string; message: string }[];
  readonly blocking: string[];
  readonly unit: CatalogueUnit;
}

interface UnitRow {
  id: string;
  string_id: string;
  locked: boolean;
  winner_translation_id: string | null;
  winner_source_hash: string | null;
  winner_origin: string | null;
  live: boolean;
}

interface CandidateRow {
  id: string;
  unit_id: string;
  dedupe_key: string;
  status: string;
  source_hash: string;
  blocking_errors: string[];
}

function isEmpty(forms: Forms): boolean {
  return Object.values(forms).every((text) => text === undefined || text.trim() === '');
}

/**
 * Imports an existing translation file (DESIGN §4): each unit whose key is in the source becomes a
 * candidate of origin `import`, checked by translation-core; it is decided as the winner (a DECIDED
 * round with reason IMPORTED) when the unit has no current winner or its winner came from an earlier
 * import, no round is running and the unit is not locked. A community winner is never replaced: the
 * imported text joins as a candidate. Bulk SQL, inside the caller's transaction; re-importing the
 * same file changes nothing.
 */
export async function writeImportedTranslations(
  manager: EntityManager,
  target: TranslationImportTarget,
  units: readonly CatalogueUnit[],
  now: Date,
): Promise<TranslationImportCounts> {
  const sources: SourceRow[] = await manager.query(
    `SELECT id, unit_key, kind, forms, source_hash, max_length FROM source_string
     WHERE namespace_id = $1 AND removed_at IS NULL`,
    [target.namespaceId],
  );
  const sourceByKey = new Map(sources.map((s) => [s.unit_key, s]));
  const warnings: ImportWarning[] = [];
  const candidates: Candidate[] = [];
  let skipped = 0;
  for (const unit of units) {
    const source = sourceByKey.get(unit.id);
    if (source === undefined) {
      skipped += 1;
      warnings.push({
        code: 'KEY_NOT_IN_SOURCE',
        message: `Line ${unit.line}: "${unit.key}" is not in the source catalogue; skipped.`,
        key: unit.key,
        line: unit.line,
      });
      continue;
    }
    if (isEmpty(unit.forms)) {
      skipped += 1;
      continue;
    }
    const forms = normalizeForms(unit.forms);
    const findings = checkTranslation({
      source: {
        kind: source.kind,
        forms: source.forms,
        ...(source.max_length === null ? {} : { maxLength: source.max_length }),
      },
      sourceLocale: target.sourceLocale,
      targetLocale: target.locale,
      forms,
    }).map((f) => ({ code: f.code, severity: f.severity, form: f.form, message: f.message }));
    candidates.push({
      stringId: source.id,
      sourceHash: source.source_hash,
      forms,
      dedupe: dedupeKey(forms),
      findings,
      blocking: [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))],
      unit,
    });
  }
  if (candidates.length === 0) {
    return { added: 0, changed: 0, unchanged: 0, imported: 0, skipped, warnings };
  }

  const stringIds = candidates.map((c) => c.stringId);
  await manager.query(
    `INSERT INTO translation_unit (project_id, string_id, locale_id)
     SELECT $1, s, $2 FROM unnest($3::uuid[]) AS s
     ON CONFLICT (string_id, locale_id) DO NOTHING`,
    [target.projectId, target.localeId, stringIds],
  );
  // Lock the units: every change to a unit's candidates, rounds or winner is serialised on its row.
  const unitRows: UnitRow[] = await manager.query(
    `SELECT u.id, u.string_id, u.locked, u.winner_translation_id, u.winner_source_hash,
            w.origin AS winner_origin,
            EXISTS (SELECT 1 FROM round r WHERE r.unit_id = u.id
                    AND r.state IN ('OPEN', 'COLLECTING', 'CLOSING')) AS live
     FROM translation_unit u LEFT JOIN translation w ON w.id = u.winner_translation_id
     WHERE u.locale_id = $1 AND u.string_id = ANY($2::uuid[])
     ORDER BY u.id FOR UPDATE OF u`,
    [target.localeId, stringIds],
  );
  const unitByString = new Map(unitRows.map((u) => [u.string_id, u]));
  const unitOf = (c: Candidate): UnitRow => {
    const row = unitByString.get(c.stringId);
    if (row === undefined) throw new Error(`translation_unit missing for string ${c.stringId}`);
    return row;
  };

  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key, status, origin,
       findings, blocking_errors)
     SELECT c.unit_id, $1, c.source_hash, c.forms::jsonb, c.dedupe_key, 'active', 'import',
            c.findings::jsonb, ARRAY(SELECT jsonb_array_elements_text(c.blocking::jsonb))
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS c(unit_id, source_hash, forms, dedupe_key, findings, blocking)
     ON CONFLICT (unit_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      target.authorId,
      candidates.map((c) => unitOf(c).id),
      candidates.map((c) => c.sourceHash),
      candidates.map((c) => JSON.stringify(c.forms)),
      candidates.map((c) => c.dedupe),
      candidates.map((c) => JSON.stringify(c.findings)),
      candidates.map((c) => JSON.stringify(c.blocking)),
    ],
  );
  // The same text imported again after its source changed: the candidate is current again.
  // TypeORM answers UPDATE … RETURNING with [rows, affected].
  const [, revived]: [unknown[], number] = await manager.query(
    `UPDATE translation t SET status = 'active', source_hash = c.source_hash,
       findings = c.findings::jsonb,
       blocking_errors = ARRAY(SELECT jsonb_array_elements_text(c.blocking::jsonb)), updated_at = $1
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS c(unit_id, source_hash, dedupe_key, findings, blocking)
     WHERE t.unit_id = c.unit_id AND t.dedupe_key = c.dedupe_key
       AND t.status = 'outdated' AND t.source_hash <> c.source_hash
     RETURNING t.id`,
    [
      now,
      candidates.map((c) => unitOf(c).id),
      candidates.map((c) => c.sourceHash),
      candidates.map((c) => c.dedupe),
      candidates.map((c) => JSON.stringify(c.findings)),
      candidates.map((c) => JSON.stringify(c.blocking)),
    ],
  );
  const rows: CandidateRow[] = await manager.query(
    `SELECT t.id, t.unit_id, t.dedupe_key, t.status, t.source_hash, t.blocking_errors
     FROM translation t JOIN unnest($1::uuid[], $2::text[]) AS c(unit_id, dedupe_key)
       ON t.unit_id = c.unit_id AND t.dedupe_key = c.dedupe_key`,
    [candidates.map((c) => unitOf(c).id), candidates.map((c) => c.dedupe)],
  );
  const rowByPair = new Map(rows.map((r) => [`${r.unit_id} ${r.dedupe_key}`, r]));

  const decisions: { unitId: string; roundId: string; sourceHash: string; winnerId: string }[] = [];
  let unchanged = 0;
  let changed = 0;
  let kept = 0;
  for (const c of candidates) {
    const unit = unitOf(c);
    const row = rowByPair.get(`${unit.id} ${c.dedupe}`);
    if (row === undefined) throw new Error(`candidate missing for unit ${unit.id}`);
    const eligible =
      row.status === 'active' &&
      row.blocking_errors.length === 0 &&
      row.source_hash === c.sourceHash;
    if (!eligible) {
      skipped += 1;
      warnings.push({
        code: 'CANDIDATE_NOT_ELIGIBLE',
        message:
          row.blocking_errors.length > 0
            ? `Line ${c.unit.line}: "${c.unit.key}" is stored as a candidate but cannot win: ${row.blocking_errors.join(', ')}.`
            : `Line ${c.unit.line}: "${c.unit.key}" matches a ${row.status} candidate; not imported.`,
        key: c.unit.key,
        line: c.unit.line,
      });
      continue;
    }
    const currentWinner =
      unit.winner_translation_id !== null && unit.winner_source_hash === c.sourceHash;
    if (currentWinner && unit.winner_translation_id === row.id) {
      unchanged += 1;
      continue;
    }
    if ((currentWinner && unit.winner_origin !== 'import') || unit.live || unit.locked) {
      kept += 1;
      unchanged += 1;
      continue;
    }
    if (currentWinner) changed += 1;
    decisions.push({
      unitId: unit.id,
      roundId: randomUUID(),
      sourceHash: c.sourceHash,
      winnerId: row.id,
    });
  }
  if (kept > 0) {
    warnings.push({
      code: 'COMMUNITY_DECIDES',
      message: `${kept} units keep their community winner or running round; the imported texts joined them as candidates.`,
    });
  }
  if (decisions.length > 0) await decideImported(manager, target, decisions, now);
  return {
    added: inserted.length + revived,
    changed,
    unchanged,
    imported: decisions.length,
    skipped,
    warnings,
  };
}

/** One DECIDED round [IMPORTED] per unit, and the unit's published winner (C1, C4). */
async function decideImported(
  manager: EntityManager,
  target: TranslationImportTarget,
  decisions: readonly { unitId: string; roundId: string; sourceHash: string; winnerId: string }[],
  now: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, closed_at,
       winner_id, reasons, decision)
     SELECT d.round_id, d.unit_id,
            COALESCE((SELECT max(r.number) FROM round r WHERE r.unit_id = d.unit_id), 0) + 1,
            d.source_hash, 'DECIDED', $1::jsonb, $2, $2, d.winner_id, '{IMPORTED}',
            '{"reason": "IMPORTED"}'::jsonb
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[])
       AS d(round_id, unit_id, source_hash, winner_id)`,
    [
      JSON.stringify(target.params),
      now,
      decisions.map((d) => d.roundId),
      decisions.map((d) => d.unitId),
      decisions.map((d) => d.sourceHash),
      decisions.map((d) => d.winnerId),
    ],
  );
  await manager.query(
    `UPDATE translation_unit u SET winner_translation_id = d.winner_id,
       winner_round_id = d.round_id, winner_source_hash = d.source_hash, decided_at = $1,
       updated_at = $1
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[])
       AS d(unit_id, round_id, source_hash, winner_id)
     WHERE u.id = d.unit_id`,
    [
      now,
      decisions.map((d) => d.unitId),
      decisions.map((d) => d.roundId),
      decisions.map((d) => d.sourceHash),
      decisions.map((d) => d.winnerId),
    ],
  );
}
