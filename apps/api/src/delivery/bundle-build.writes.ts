import type { QueryRunner } from 'typeorm';
import type { ManifestBundle } from './delivery-manifest';

/** A bundle the build recomputed whose stored row differs; `isNew`: its content is new too. */
export interface BundleWrite {
  readonly bundle: ManifestBundle;
  readonly shortHash: string;
  readonly text: string;
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
  // Batches keep parameter arrays (and memory for the text[] literal) bounded on big projects.
  for (let i = 0; i < writes.length; i += 50) {
    const batch = writes.slice(i, i + 50);
    const versions = batch.filter((w) => w.isNew);
    if (versions.length > 0) {
      await runner.query(
        `INSERT INTO bundle_version (project_id, locale, namespace, content_hash, short_hash, body)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT DO NOTHING`,
        [
          projectId,
          versions.map((w) => w.bundle.locale),
          versions.map((w) => w.bundle.namespace),
          versions.map((w) => w.bundle.contentHash),
          versions.map((w) => w.shortHash),
          versions.map((w) => w.text),
        ],
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
