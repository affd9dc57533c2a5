import type { Forms, KeySeparator, PathSegment, SourceUnit } from '../model';
import { resolvePluralLocale } from '../plurals/plural-table';
import type { PluralCategory } from '../plurals/plural-types';
import { PLURAL_CATEGORIES } from '../plurals/plural-types';
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

/** PLURAL_INCOMPLETE: a plural value with no form L uses (nothing left to write). */
export type OmitReason = 'NO_WINNER' | 'STALE' | 'EMPTY' | 'PLURAL_INCOMPLETE' | 'ARRAY_INCOMPLETE';

export interface OmittedUnit {
  readonly unitId: string;
  readonly reason: OmitReason;
}

/** A plural unit written with fewer forms than L needs, or with forms L never uses left out. */
export interface PartialUnit {
  readonly unitId: string;
  readonly missing: readonly PluralCategory[];
  readonly dropped: readonly PluralCategory[];
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
  /** Plural units written partially (sorted by unit id); not part of the bytes. */
  readonly partial: readonly PartialUnit[];
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

/** What export keeps of a value: the forms written, and the required plural forms it lacks. */
export interface ExportForms {
  readonly forms: Forms;
  /** Required categories of L the value does not have (i18next falls back at their counts only). */
  readonly missing: readonly PluralCategory[];
  /** Categories the value has that L never uses (not written). */
  readonly dropped: readonly PluralCategory[];
}

/**
 * The forms written for a unit (C4 plural completeness, revised after real catalogues): every non-empty form
 * within requiredForms(L), plus `zero` as an optional cardinal override. A missing required form is simply not
 * written, so i18next falls back at those counts only; forms L never uses are dropped. Null when nothing is left.
 * Only imported winners can lack a form: the submit path refuses a candidate without every form.
 */
export function completeForms(
  kind: SourceUnit['kind'],
  forms: Forms,
  required: readonly PluralCategory[],
): ExportForms | null {
  if (kind === 'simple' || kind === 'array-element') {
    const v = forms[''];
    return v === undefined || v === '' ? null : { forms: { '': v }, missing: [], dropped: [] };
  }
  const out: Partial<Record<PluralCategory, string>> = {};
  const missing: PluralCategory[] = [];
  for (const c of required) {
    const v = forms[c];
    if (v === undefined || v === '') missing.push(c);
    else out[c] = v;
  }
  const zero = forms.zero;
  if (kind === 'plural' && !required.includes('zero') && zero !== undefined && zero !== '')
    out.zero = zero;
  const dropped = PLURAL_CATEGORIES.filter(
    (c) =>
      out[c] === undefined && !required.includes(c) && forms[c] !== undefined && forms[c] !== '',
  );
  if (Object.keys(out).length === 0) return null;
  return { forms: out, missing, dropped };
}

function arrayRoot(path: readonly PathSegment[]): string | null {
  const i = path.findIndex((s) => typeof s === 'number');
  return i < 0 ? null : JSON.stringify(path.slice(0, i));
}

/**
 * Builds one namespace file of a bundle for locale L: selects the exported value of every unit, writes the plural
 * forms a value has within L's categories (see completeForms) and complete arrays only, never writes "",
 * serializes canonically and hashes the bytes.
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
  const partial: PartialUnit[] = [];
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
    const kept = completeForms(input.unit.kind, selected.forms, required);
    if (kept === null) {
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
    chosen.push({ unit: input.unit, forms: kept.forms });
    if (kept.missing.length > 0 || kept.dropped.length > 0)
      partial.push({ unitId: input.unit.id, missing: kept.missing, dropped: kept.dropped });
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
  const byId = (a: { unitId: string }, b: { unitId: string }): number =>
    a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
  omitted.sort(byId);
  const gone = new Set(omitted.map((o) => o.unitId));
  const written = partial.filter((p) => !gone.has(p.unitId)).sort(byId);
  return ok({
    namespace: options.namespace,
    locale: options.locale,
    text,
    contentHash: hash,
    shortHash: shortHash(hash),
    keyCount: leaves.length,
    unitCount,
    omitted,
    partial: written,
  });
}
