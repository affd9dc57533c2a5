import type { Forms, KeySeparator, PathSegment, SourceUnit } from '../model';
import { resolvePluralLocale } from '../plurals/plural-table';
import type { PluralCategory } from '../plurals/plural-types';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { contentHash, shortHash } from '../hash/content-hash';
import { writeCanonicalJson } from './canonical-json';
import { emitUnit } from './emit';
import type { EmittedLeaf, ExportError } from './tree';
import { buildTree } from './tree';

/** A decided winner (C4 rule 2), or a manager-approved one. */
export interface ExportWinner {
  readonly forms: Forms;
  /** The source hash the winning round was decided for. */
  readonly sourceHash: string;
}

/** The current leader of an open round, for provisional exports (C4 rule 3). */
export interface ExportLeader extends ExportWinner {
  /** Eligible: active, current source hash, no E-level finding, author not banned. */
  readonly eligible: boolean;
  /** Its Wilson lower bound score. */
  readonly score: number;
}

export interface BundleUnitInput {
  readonly unit: SourceUnit;
  /** Winner of the most recent DECIDED round of this unit in the target locale, if any. */
  readonly winner?: ExportWinner;
  readonly leader?: ExportLeader;
}

export interface BundleOptions {
  readonly namespace: string;
  /** Target locale L. */
  readonly locale: string;
  readonly sourceLocale: string;
  readonly keySeparator?: KeySeparator;
  /** Export winners decided for an older source hash (off by default: i18next has no "fuzzy" marker). */
  readonly exportStale?: boolean;
  /** 'decided' (default) or 'provisional': also export an eligible leader with score ≥ provScore. */
  readonly mode?: 'decided' | 'provisional';
  /** Default 0.35. */
  readonly provScore?: number;
}

export type OmitReason = 'NO_WINNER' | 'STALE' | 'EMPTY' | 'PLURAL_INCOMPLETE' | 'ARRAY_INCOMPLETE';

export interface OmittedUnit {
  readonly unitId: string;
  readonly reason: OmitReason;
}

export interface Bundle {
  readonly namespace: string;
  readonly locale: string;
  /** The file bytes (UTF-8 of this text): canonical, no timestamps or counts. */
  readonly text: string;
  readonly contentHash: string;
  readonly shortHash: string;
  /** Number of keys written (each plural form counts). */
  readonly keyCount: number;
  /** Units written. */
  readonly unitCount: number;
  readonly omitted: readonly OmittedUnit[];
}

const q = (x: number): number => Math.round(x * 1e9);

export type SelectedValue =
  | {
      readonly ok: true;
      readonly forms: Forms;
      readonly source: 'source' | 'winner' | 'stale-winner' | 'provisional';
    }
  | { readonly ok: false; readonly reason: 'NO_WINNER' | 'STALE' };

/** Which value is exported for a unit in locale L (C4 rules 1–5). */
export function selectExportValue(input: BundleUnitInput, options: BundleOptions): SelectedValue {
  const { unit, winner, leader } = input;
  if (options.locale === options.sourceLocale)
    return { ok: true, forms: unit.forms, source: 'source' };
  if (winner && winner.sourceHash === unit.sourceHash)
    return { ok: true, forms: winner.forms, source: 'winner' };
  if (
    options.mode === 'provisional' &&
    leader &&
    leader.eligible &&
    leader.sourceHash === unit.sourceHash &&
    q(leader.score) >= q(options.provScore ?? 0.35)
  ) {
    return { ok: true, forms: leader.forms, source: 'provisional' };
  }
  if (winner && options.exportStale === true)
    return { ok: true, forms: winner.forms, source: 'stale-winner' };
  return { ok: false, reason: winner ? 'STALE' : 'NO_WINNER' };
}

/**
 * Keeps a plural value only when every required form of L is non-empty (C4 plural completeness); adds `zero`
 * when the value provides it as an optional override. Never a partial group.
 */
export function completeForms(
  kind: SourceUnit['kind'],
  forms: Forms,
  required: readonly PluralCategory[],
): Forms | null {
  if (kind === 'simple' || kind === 'array-element') {
    const v = forms[''];
    return v === undefined || v === '' ? null : { '': v };
  }
  const out: Partial<Record<PluralCategory, string>> = {};
  for (const c of required) {
    const v = forms[c];
    if (v === undefined || v === '') return null;
    out[c] = v;
  }
  const zero = forms.zero;
  if (kind === 'plural' && !required.includes('zero') && zero !== undefined && zero !== '')
    out.zero = zero;
  return out;
}

function arrayRoot(path: readonly PathSegment[]): string | null {
  const i = path.findIndex((s) => typeof s === 'number');
  return i < 0 ? null : JSON.stringify(path.slice(0, i));
}

/**
 * Builds one namespace file of a bundle for locale L: selects the exported value of every unit, keeps complete
 * plural groups and complete arrays only, never writes "", serializes canonically and hashes the bytes.
 * The same inputs in any order give byte-identical output.
 */
export function buildBundle(
  units: readonly BundleUnitInput[],
  options: BundleOptions,
): Result<Bundle, ExportError> {
  const resolution = resolvePluralLocale(options.locale);
  if (!resolution.ok)
    return fail([{ code: 'UNKNOWN_LOCALE', message: resolution.message, key: '' }]);
  const omitted: OmittedUnit[] = [];
  const chosen: { unit: SourceUnit; forms: Forms }[] = [];
  const incompleteArrays = new Set<string>();
  for (const input of units) {
    const selected = selectExportValue(input, options);
    const root = arrayRoot(input.unit.path);
    if (!selected.ok) {
      omitted.push({ unitId: input.unit.id, reason: selected.reason });
      if (root !== null) incompleteArrays.add(root);
      continue;
    }
    const required =
      input.unit.kind === 'ordinal'
        ? resolution.data.ordinal
        : input.unit.kind === 'plural'
          ? resolution.data.cardinal
          : [];
    const forms = completeForms(input.unit.kind, selected.forms, required);
    if (forms === null) {
      omitted.push({
        unitId: input.unit.id,
        reason:
          input.unit.kind === 'plural' || input.unit.kind === 'ordinal'
            ? 'PLURAL_INCOMPLETE'
            : 'EMPTY',
      });
      if (root !== null) incompleteArrays.add(root);
      continue;
    }
    chosen.push({ unit: input.unit, forms });
  }
  const leaves: EmittedLeaf[] = [];
  let unitCount = 0;
  for (const { unit, forms } of chosen) {
    const root = arrayRoot(unit.path);
    if (root !== null && incompleteArrays.has(root)) {
      omitted.push({ unitId: unit.id, reason: 'ARRAY_INCOMPLETE' });
      continue;
    }
    leaves.push(...emitUnit(unit, forms));
    unitCount++;
  }
  const tree = buildTree(leaves, options.keySeparator ?? '.');
  if (!tree.ok) return tree;
  const text = writeCanonicalJson(tree.value);
  const hash = contentHash(text);
  omitted.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  return ok({
    namespace: options.namespace,
    locale: options.locale,
    text,
    contentHash: hash,
    shortHash: shortHash(hash),
    keyCount: leaves.length,
    unitCount,
    omitted,
  });
}
