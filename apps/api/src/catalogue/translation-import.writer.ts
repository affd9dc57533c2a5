import { checkTranslation, type CatalogueUnit, type Forms } from '@chorus/translation-core';
import { dedupeKey } from '@chorus/voting';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ImportWarning } from './import-result';
import {
  type Candidate,
  type CandidateRow,
  type Decision,
  type TranslationImportTarget,
  claimUnits,
  decideImported,
  storeCandidates,
} from './translation-import.rows';
import { compareWithStored, sourceFormsOf, type StoredEntry } from './translation-import.state';

export type { TranslationImportTarget } from './translation-import.rows';

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
