// One locale's bundles from a build's source strings and that locale's winners: the CPU-bound
// half of a rebuild, run on the bundle thread (bundle-build.thread.ts). Pure: translation-core only.
import {
  type BundleUnitInput,
  type SourceUnit,
  type UnitKind,
  buildBundle,
} from '@chorus/translation-core';

/** A live source string as a build reads it (copySources' columns, in order). */
export interface SourceRow {
  readonly id: string;
  readonly namespace_id: string;
  readonly unit_key: string;
  readonly key: string;
  readonly kind: UnitKind;
  readonly path: (string | number)[];
  readonly context: { base: string; value: string } | null;
  readonly forms: Record<string, string>;
  readonly source_hash: string;
}

/** A locale's published winner of one source string (copyWinners' columns, in order). */
export interface WinnerRow {
  readonly string_id: string;
  readonly winner_source_hash: string;
  readonly forms: Record<string, string>;
}

export interface BuildNamespace {
  readonly id: string;
  readonly name: string;
  readonly nestedKeys: boolean;
}

export interface LocaleBuild {
  readonly locale: string;
  readonly sourceLocale: string;
  readonly exportStale: boolean;
  /** The locale's winners; none for the source locale. */
  readonly winners: readonly WinnerRow[];
  /** namespace name → content hash of its stored bundle: an equal bundle comes back without text. */
  readonly stored: Readonly<Record<string, string>>;
}

/** One namespace's bundle, or why it cannot be built (the build then fails as a whole). */
export type NamespaceBundle =
  | {
      readonly ok: true;
      readonly namespace: string;
      /** Null when the bundle equals the stored one (`LocaleBuild.stored`): nothing to write. */
      readonly text: string | null;
      readonly contentHash: string;
      readonly shortHash: string;
      readonly keyCount: number;
      readonly unitCount: number;
      /** The namespace's live source strings. */
      readonly totalUnits: number;
    }
  | {
      readonly ok: false;
      readonly namespace: string;
      readonly code: string;
      readonly message: string;
    };

/** copySources' rows (parseCopyText's fields). */
export function sourceRowsOf(rows: readonly (string | null)[][]): SourceRow[] {
  return rows.map(([id, namespaceId, unitKey, key, kind, path, context, forms, sourceHash]) => ({
    id: text(id),
    namespace_id: text(namespaceId),
    unit_key: text(unitKey),
    key: text(key),
    kind: text(kind) as UnitKind,
    path: JSON.parse(text(path)) as (string | number)[],
    context: context == null ? null : (JSON.parse(context) as { base: string; value: string }),
    forms: JSON.parse(text(forms)) as Record<string, string>,
    source_hash: text(sourceHash),
  }));
}

/** copyWinners' rows (parseCopyText's fields). */
export function winnerRowsOf(rows: readonly (string | null)[][]): WinnerRow[] {
  return rows.map(([stringId, sourceHash, forms]) => ({
    string_id: text(stringId),
    winner_source_hash: text(sourceHash),
    forms: JSON.parse(text(forms)) as Record<string, string>,
  }));
}

function text(value: string | null | undefined): string {
  if (value == null) throw new Error('a bundle build read NULL where a value is required');
  return value;
}

/** A build's source strings grouped by namespace, converted once for all its locales. */
export type SourcesByNamespace = ReadonlyMap<string, readonly { id: string; unit: SourceUnit }[]>;

export function groupSources(
  rows: readonly SourceRow[],
  namespaces: readonly BuildNamespace[],
): SourcesByNamespace {
  const grouped = new Map<string, { id: string; unit: SourceUnit }[]>();
  for (const ns of namespaces) grouped.set(ns.id, []);
  for (const row of rows) grouped.get(row.namespace_id)?.push({ id: row.id, unit: toUnit(row) });
  return grouped;
}

function toUnit(row: SourceRow): SourceUnit {
  return {
    id: row.unit_key,
    key: row.key,
    path: row.path,
    kind: row.kind,
    ...(row.context === null ? {} : { context: row.context }),
    forms: row.forms,
    line: 0,
    sourceHash: row.source_hash,
  };
}

/** Every namespace's bundle of one locale (DOMAIN C4, translation-core's buildBundle). */
export function buildLocaleBundles(
  sources: SourcesByNamespace,
  namespaces: readonly BuildNamespace[],
  build: LocaleBuild,
): NamespaceBundle[] {
  const winners = new Map(build.winners.map((w) => [w.string_id, w]));
  return namespaces.map((ns) => {
    const inputs: BundleUnitInput[] = (sources.get(ns.id) ?? []).map(({ id, unit }) => {
      const w = winners.get(id);
      return w === undefined
        ? { unit }
        : { unit, winner: { forms: w.forms, sourceHash: w.winner_source_hash } };
    });
    const result = buildBundle(inputs, {
      namespace: ns.name,
      locale: build.locale,
      sourceLocale: build.sourceLocale,
      keySeparator: ns.nestedKeys ? '.' : false,
      exportStale: build.exportStale,
    });
    if (!result.ok) {
      const first = result.errors[0];
      return {
        ok: false,
        namespace: ns.name,
        code: first?.code ?? '',
        message: first?.message ?? 'unknown error',
      };
    }
    const b = result.value;
    return {
      ok: true,
      namespace: ns.name,
      text: build.stored[ns.name] === b.contentHash ? null : b.text,
      contentHash: b.contentHash,
      shortHash: b.shortHash,
      keyCount: b.keyCount,
      unitCount: b.unitCount,
      totalUnits: inputs.length,
    };
  });
}
