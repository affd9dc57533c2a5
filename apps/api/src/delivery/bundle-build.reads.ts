import type { SourceUnit, UnitKind } from '@chorus/translation-core';
import type { QueryRunner } from 'typeorm';
import type { ManifestBundle } from './delivery-manifest';

/**
 * A live source string as a bundle build reads it. Every read in this module runs on the build's
 * runner, in its one REPEATABLE READ snapshot (BundleBuildService).
 */
interface SourceRow {
  id: string;
  namespace_id: string;
  unit_key: string;
  key: string;
  kind: UnitKind;
  path: (string | number)[];
  context: { base: string; value: string } | null;
  forms: Record<string, string>;
  source_hash: string;
}

/** A locale's published winner of one source string. */
export interface WinnerRow {
  string_id: string;
  winner_source_hash: string;
  forms: Record<string, string>;
}

/** A stored bundle's row: what a build compares its result with. */
export interface ExistingRow {
  locale: string;
  namespace: string;
  content_hash: string;
  key_count: number;
  unit_count: number;
  total_units: number;
}

/** What a build must cover (scopeOf). */
export interface BuildScope {
  /** The request watermark this build covers (bigint as text). */
  readonly requestedSeq: string;
  readonly all: boolean;
  readonly locales: ReadonlySet<string>;
}

/** A stored bundle as the manifest lists it (a locale the build kept). */
export function storedBundle(row: ExistingRow): ManifestBundle {
  return {
    locale: row.locale,
    namespace: row.namespace,
    contentHash: row.content_hash,
    keyCount: row.key_count,
    unitCount: row.unit_count,
    totalUnits: row.total_units,
  };
}

function toSourceUnit(row: SourceRow): SourceUnit {
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

/**
 * What this build must cover, read from the requests in the build's snapshot: every locale
 * when the project was never built or a request named no locale since the last build, else the
 * locales named since then.
 */
export async function scopeOf(runner: QueryRunner, projectId: string): Promise<BuildScope> {
  const rows = (await runner.query(
    `SELECT coalesce(r.requested_seq, 0)::text AS requested_seq,
            s.built_at IS NULL OR coalesce(r.all_seq, 0) > s.built_seq AS every_locale,
            ARRAY(SELECT l.key FROM jsonb_each_text(coalesce(r.locale_seqs, '{}')) l
                   WHERE l.value::bigint > coalesce(s.built_seq, 0)) AS locales
       FROM (SELECT $1::uuid AS project_id) p
       LEFT JOIN bundle_request r USING (project_id) LEFT JOIN bundle_set s USING (project_id)`,
    [projectId],
  )) as { requested_seq: string; every_locale: boolean | null; locales: string[] }[];
  const row = rows[0];
  return {
    requestedSeq: row?.requested_seq ?? '0',
    all: row?.every_locale ?? true,
    locales: new Set(row?.locales ?? []),
  };
}

/** The project's live source strings by namespace id. */
export async function loadSources(
  runner: QueryRunner,
  projectId: string,
  namespaces: readonly { id: string }[],
): Promise<Map<string, { id: string; unit: SourceUnit }[]>> {
  const sources = (await runner.query(
    `SELECT id, namespace_id, unit_key, key, kind, path, context, forms, source_hash
       FROM source_string WHERE project_id = $1 AND removed_at IS NULL`,
    [projectId],
  )) as SourceRow[];
  const unitsByNamespace = new Map<string, { id: string; unit: SourceUnit }[]>();
  for (const ns of namespaces) unitsByNamespace.set(ns.id, []);
  for (const row of sources) {
    unitsByNamespace.get(row.namespace_id)?.push({ id: row.id, unit: toSourceUnit(row) });
  }
  return unitsByNamespace;
}

/** Published winners of one locale, keyed by source string id (live strings only). */
export async function loadWinners(
  runner: QueryRunner,
  projectId: string,
  localeId: string,
): Promise<Map<string, WinnerRow>> {
  const rows = (await runner.query(
    `SELECT tu.string_id, tu.winner_source_hash, t.forms
       FROM translation_unit tu
       JOIN translation t ON t.id = tu.winner_translation_id
      WHERE tu.project_id = $1 AND tu.locale_id = $2 AND tu.winner_source_hash IS NOT NULL`,
    [projectId, localeId],
  )) as WinnerRow[];
  return new Map(rows.map((r) => [r.string_id, r]));
}
