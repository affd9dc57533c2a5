import { checkTranslation, type CatalogueUnit, type Forms } from '@chorus/translation-core';
import { dedupeKey, type VotingParams } from '@chorus/voting';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ImportWarning } from './import-result';
import { compareWithStored, sourceFormsOf, type StoredEntry } from './translation-import.state';

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

/** An entry of the file that is not already the unit's current winner: it goes through the write path. */
interface Pending {
  readonly unit: CatalogueUnit;
  readonly entry: StoredEntry;
  readonly forms: Forms;
  readonly dedupe: string;
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

/** The stored candidate of (unit, imported text) after the insert or revive. */
interface CandidateRow {
  id: string;
  status: string;
  source_hash: string;
  blocking_errors: string[];
}

interface Decision {
  readonly unitId: string;
  readonly roundId: string;
  readonly sourceHash: string;
  readonly winnerId: string;
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
 * same file changes nothing, and entries that are already the unit's current winner are neither
 * checked, locked nor written (one statement compares the file with the database and answers only
 * the others).
 */
export async function writeImportedTranslations(
  manager: EntityManager,
  target: TranslationImportTarget,
  units: readonly CatalogueUnit[],
  now: Date,
): Promise<TranslationImportCounts> {
  // Stored byte-exact (an app's NFD Hebrew or Vietnamese comes back as it went in); NFC only in
  // the dedupe key, so the same text in either normal form is still one candidate.
  const entries = units.map((unit) => ({
    unitKey: unit.id,
    dedupe: isEmpty(unit.forms) ? null : dedupeKey(unit.forms),
  }));
  const stored = await compareWithStored(manager, target.namespaceId, target.localeId, entries);
  const warnings: ImportWarning[] = [];
  const pending: Pending[] = [];
  let skipped = 0;
  let settled = 0;
  units.forEach((unit, i) => {
    if (stored.missing.has(i)) {
      skipped += 1;
      warnings.push({
        code: 'KEY_NOT_IN_SOURCE',
        message: `Line ${unit.line}: "${unit.key}" is not in the source catalogue; skipped.`,
        key: unit.key,
        line: unit.line,
      });
      return;
    }
    const dedupe = entries[i]?.dedupe ?? null;
    if (dedupe === null) {
      skipped += 1;
      return;
    }
    const entry = stored.pending.get(i);
    if (entry === undefined) settled += 1;
    else pending.push({ unit, entry, forms: unit.forms, dedupe });
  });
  if (pending.length === 0) {
    return { added: 0, changed: 0, unchanged: settled, imported: 0, skipped, warnings };
  }
  const written = await writeCandidates(
    manager,
    target,
    await checked(manager, target, pending),
    now,
  );
  return {
    added: written.added,
    changed: written.changed,
    unchanged: settled + written.unchanged,
    imported: written.imported,
    skipped: skipped + written.skipped,
    warnings: [...warnings, ...written.warnings],
  };
}

/** translation-core's checks of each pending entry against its source string. */
async function checked(
  manager: EntityManager,
  target: TranslationImportTarget,
  pending: readonly Pending[],
): Promise<Candidate[]> {
  const missing = pending.filter((p) => p.entry.forms === null).map((p) => p.entry.stringId);
  const loaded = await sourceFormsOf(manager, missing);
  return pending.map(({ unit, entry, forms, dedupe }) => {
    const sourceForms = entry.forms ?? loaded.get(entry.stringId);
    if (sourceForms === undefined) throw new Error(`source_string ${entry.stringId} vanished`);
    const findings = checkTranslation({
      source: {
        kind: entry.kind,
        forms: sourceForms,
        ...(entry.maxLength === null ? {} : { maxLength: entry.maxLength }),
      },
      sourceLocale: target.sourceLocale,
      targetLocale: target.locale,
      forms,
      origin: 'import',
    }).map((f) => ({ code: f.code, severity: f.severity, form: f.form, message: f.message }));
    return {
      stringId: entry.stringId,
      sourceHash: entry.sourceHash,
      forms,
      dedupe,
      findings,
      blocking: [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))],
      unit,
    };
  });
}

/** The write path for entries that may change something: units, candidates, decisions. */
async function writeCandidates(
  manager: EntityManager,
  target: TranslationImportTarget,
  candidates: readonly Candidate[],
  now: Date,
): Promise<TranslationImportCounts> {
  const unitByString = await claimUnits(
    manager,
    target,
    candidates.map((c) => c.stringId),
  );
  const unitIds = candidates.map((c) => {
    const row = unitByString.get(c.stringId);
    if (row === undefined) throw new Error(`translation_unit missing for string ${c.stringId}`);
    return row.id;
  });
  const stored = await storeCandidates(manager, target, candidates, unitIds, now);

  const warnings: ImportWarning[] = [];
  const decisions: Decision[] = [];
  let skipped = 0;
  let unchanged = 0;
  let changed = 0;
  let kept = 0;
  candidates.forEach((c, i) => {
    const unit = unitByString.get(c.stringId);
    const row = stored.rows.get(unitIds[i] ?? '');
    if (unit === undefined || row === undefined) {
      throw new Error(`candidate missing for string ${c.stringId}`);
    }
    const eligible =
      row.status === 'active' &&
      row.blocking_errors.length === 0 &&
      row.source_hash === c.sourceHash;
    if (!eligible) {
      skipped += 1;
      warnings.push(notEligible(c, row));
      return;
    }
    const currentWinner =
      unit.winner_translation_id !== null && unit.winner_source_hash === c.sourceHash;
    if (currentWinner && unit.winner_translation_id === row.id) {
      unchanged += 1;
      return;
    }
    if ((currentWinner && unit.winner_origin !== 'import') || unit.live || unit.locked) {
      kept += 1;
      unchanged += 1;
      return;
    }
    if (currentWinner) changed += 1;
    decisions.push({
      unitId: unit.id,
      roundId: randomUUID(),
      sourceHash: c.sourceHash,
      winnerId: row.id,
    });
  });
  if (kept > 0) {
    warnings.push({
      code: 'COMMUNITY_DECIDES',
      message: `${kept} units keep their community winner or running round; the imported texts joined them as candidates.`,
    });
  }
  if (decisions.length > 0) await decideImported(manager, target, decisions, now);
  return { added: stored.added, changed, unchanged, imported: decisions.length, skipped, warnings };
}

function notEligible(c: Candidate, row: CandidateRow): ImportWarning {
  return {
    code: 'CANDIDATE_NOT_ELIGIBLE',
    message:
      row.blocking_errors.length > 0
        ? `Line ${c.unit.line}: "${c.unit.key}" is stored as a candidate but cannot win: ${row.blocking_errors.join(', ')}.`
        : `Line ${c.unit.line}: "${c.unit.key}" matches a ${row.status} candidate; not imported.`,
    key: c.unit.key,
    line: c.unit.line,
  };
}

/**
 * The translation units of the given strings, locked: every change to a unit's candidates, rounds
 * or winner is serialised on its row. Units this statement creates are ours until commit (nobody
 * else sees them), so only the ones that existed are locked with SELECT … FOR UPDATE.
 */
async function claimUnits(
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
async function storeCandidates(
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
async function decideImported(
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
