import type { QueryRunner } from 'typeorm';
import type { ManifestBundle } from './delivery-manifest';

/** A bundle the build recomputed whose stored row differs; `isNew`: its content is new too. */
export interface BundleWrite {
  readonly bundle: ManifestBundle;
  readonly shortHash: string;
  /** The bytes; null for a content hash already stored (the thread does not send them back). */
  readonly text: string | null;
  readonly isNew: boolean;
}

/**
 * Stores a build's changed bundles: a version row per new content (kept, so a CDN link to an old
 * hash keeps answering) and the current row per (locale, namespace), 50 at a time.
 */
export async function writeBundles(
  runner: QueryRunner,
  projectId: string,
  writes: readonly BundleWrite[],
  now: Date,
): Promise<void> {
  // Batches keep the bundle rows' parameter arrays bounded on big projects.
  for (let i = 0; i < writes.length; i += 50) {
    const batch = writes.slice(i, i + 50);
    // One statement per new version, its body a plain text parameter: in a text[] literal, the
    // driver escaped every character of a multi-megabyte body on the event loop.
    for (const w of batch.filter((v) => v.isNew)) {
      if (w.text === null) throw new Error(`new bundle ${w.bundle.contentHash} without its bytes`);
      await runner.query(
        `INSERT INTO bundle_version (project_id, locale, namespace, content_hash, short_hash, body)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [projectId, w.bundle.locale, w.bundle.namespace, w.bundle.contentHash, w.shortHash, w.text],
      );
    }
    await runner.query(
      `INSERT INTO bundle (project_id, locale, namespace, content_hash, short_hash, key_count,
                           unit_count, total_units, built_at)
       SELECT $1, l, n, h, s, k, u, t, $9 FROM unnest($2::text[], $3::text[], $4::text[],
              $5::text[], $6::int[], $7::int[], $8::int[]) AS x(l, n, h, s, k, u, t)
       ON CONFLICT (project_id, locale, namespace) DO UPDATE SET
         content_hash = EXCLUDED.content_hash, short_hash = EXCLUDED.short_hash,
         key_count = EXCLUDED.key_count, unit_count = EXCLUDED.unit_count,
         total_units = EXCLUDED.total_units, built_at = EXCLUDED.built_at`,
      [
        projectId,
        batch.map((w) => w.bundle.locale),
        batch.map((w) => w.bundle.namespace),
        batch.map((w) => w.bundle.contentHash),
        batch.map((w) => w.shortHash),
        batch.map((w) => w.bundle.keyCount),
        batch.map((w) => w.bundle.unitCount),
        batch.map((w) => w.bundle.totalUnits),
        now,
      ],
    );
  }
}
