import type { QueryRunner } from 'typeorm';
import { type CopyClient, copyOut, copyUuid } from '../database/copy-out';
import type { ManifestBundle } from './delivery-manifest';

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

/**
 * The project's live source strings in COPY's text format, columns as `sourceRowsOf` reads them:
 * raw bytes for the bundle thread, so the worker's event loop never handles the rows one by one.
 * (Aggregated as one JSON value by Postgres instead, they cost it 2–3× the plain read.)
 */
export async function copySources(runner: QueryRunner, projectId: string): Promise<Buffer> {
  return copyOut(
    await copyClient(runner),
    `SELECT id, namespace_id, unit_key, key, kind, path, context, forms, source_hash
       FROM source_string WHERE project_id = ${copyUuid(projectId)} AND removed_at IS NULL`,
  );
}

/** Published winners of one locale in COPY's text format (`winnerRowsOf`'s columns). */
export async function copyWinners(
  runner: QueryRunner,
  projectId: string,
  localeId: string,
): Promise<Buffer> {
  return copyOut(
    await copyClient(runner),
    `SELECT tu.string_id, tu.winner_source_hash, t.forms
       FROM translation_unit tu
       JOIN translation t ON t.id = tu.winner_translation_id
      WHERE tu.project_id = ${copyUuid(projectId)} AND tu.locale_id = ${copyUuid(localeId)}
        AND tu.winner_source_hash IS NOT NULL`,
  );
}

/** The runner's own connection (in the build's transaction and snapshot). */
async function copyClient(runner: QueryRunner): Promise<CopyClient> {
  return (await runner.connect()) as CopyClient;
}
