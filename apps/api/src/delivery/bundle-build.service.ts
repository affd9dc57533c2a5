import { Injectable, Logger } from '@nestjs/common';
import {
  type BundleUnitInput,
  type SourceUnit,
  type UnitKind,
  buildBundle,
} from '@chorus/translation-core';
import { DataSource, type QueryRunner } from 'typeorm';
import { lastBuildOf, spacingWaitMs } from './bundle-rebuild.producer';
import { deliveryError } from './delivery.errors';
import { buildDeliveryManifest, type ManifestBundle } from './delivery-manifest';
import { WebhookService } from './webhook.service';
import { GLOSSARY_NAMESPACE } from '../glossary/glossary-namespace';

export interface ChangedBundle {
  readonly locale: string;
  readonly namespace: string;
  readonly hash: string;
}

export interface RebuildOutcome {
  readonly projectId: string;
  readonly projectSlug: string;
  readonly bundles: number;
  /** The locales this build recomputed; the others kept their stored bundles. */
  readonly builtLocales: readonly string[];
  readonly changed: readonly ChangedBundle[];
  readonly removed: readonly { readonly locale: string; readonly namespace: string }[];
  readonly bundleSetHash: string;
  /** The rebuild watermark this build covered. */
  readonly seq: string;
}

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

interface WinnerRow {
  string_id: string;
  winner_source_hash: string;
  forms: Record<string, string>;
}

interface ExistingRow {
  locale: string;
  namespace: string;
  content_hash: string;
  key_count: number;
  unit_count: number;
  total_units: number;
}

interface BuildScope {
  /** The request watermark this build covers (bigint as text). */
  readonly requestedSeq: string;
  readonly all: boolean;
  readonly locales: ReadonlySet<string>;
}

function storedBundle(row: ExistingRow): ManifestBundle {
  return {
    locale: row.locale,
    namespace: row.namespace,
    contentHash: row.content_hash,
    keyCount: row.key_count,
    unitCount: row.unit_count,
    totalUnits: row.total_units,
  };
}

/** Export options a project may set under `settings.export` (C4 options). */
interface ExportPolicy {
  readonly exportStale: boolean;
}

function exportPolicy(settings: Record<string, unknown>): ExportPolicy {
  const exportSettings = settings['export'];
  const stale =
    typeof exportSettings === 'object' &&
    exportSettings !== null &&
    (exportSettings as Record<string, unknown>)['exportStale'] === true;
  return { exportStale: stale };
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
 * Builds a project's bundles from decided winners with translation-core's buildBundle (DOMAIN C4)
 * and stores them: one transaction per project, rows written only when something changed.
 */
@Injectable()
export class BundleBuildService {
  private readonly logger = new Logger(BundleBuildService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookService,
  ) {}

  /**
   * Rebuilds the (locale, namespace) bundles of a project that requests since the last build
   * touched: every locale after a source change, else only the locales whose winners changed (the
   * rest keep their stored rows). A session advisory lock serialises rebuilds of one project; the
   * build then reads one REPEATABLE READ snapshot, so source strings and winners are consistent
   * with each other and with the watermark it records. Builds write only `bundle`,
   * `bundle_version` and `bundle_set`, never `bundle_request`, so requests committed meanwhile
   * never make a build fail; they wait for the next one. Webhooks of changed bundles are enqueued
   * after the commit and the unlock. Only the worker calls this: HTTP reads never build.
   */
  async rebuild(projectId: string, now: Date): Promise<RebuildOutcome | null> {
    const outcome = await this.buildLocked(projectId, now);
    // After the lock and the connection are released: whoever waits for this project's lock holds
    // a pooled connection, so needing a second one while holding the lock could starve the pool.
    if (outcome !== null) {
      // The bundles are committed either way; a failed enqueue must not fail the build.
      await this.webhooks.notify(outcome).catch((error: unknown) => {
        this.logger.error(`webhook enqueue failed for project ${projectId}: ${String(error)}`);
      });
    }
    return outcome;
  }

  /** The build under the project's session advisory lock, on one connection from start to end. */
  private async buildLocked(projectId: string, now: Date): Promise<RebuildOutcome | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [
        `bundle:${projectId}`,
      ]);
      try {
        await runner.startTransaction('REPEATABLE READ');
        try {
          const outcome = await this.rebuildIn(runner, projectId, now);
          await runner.commitTransaction();
          return outcome;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [
          `bundle:${projectId}`,
        ]);
      }
    } finally {
      await runner.release();
    }
  }

  /** What is left of the spacing after the project's last build (0: a rebuild may start now). */
  async spacingWaitMs(projectId: string, now: number): Promise<number> {
    const rows = (await this.dataSource.query(
      'SELECT built_at AS started_at, build_ms FROM bundle_set WHERE project_id = $1',
      [projectId],
    )) as { started_at: Date | null; build_ms: number | null }[];
    return spacingWaitMs(lastBuildOf(rows[0]), now);
  }

  /** True when the project has never been built or a rebuild was requested after the last one. */
  async needsBuild(projectId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT s.built_at IS NULL OR coalesce(r.requested_seq, 0) > s.built_seq AS dirty
         FROM (SELECT $1::uuid AS project_id) p
         LEFT JOIN bundle_set s USING (project_id) LEFT JOIN bundle_request r USING (project_id)`,
      [projectId],
    )) as { dirty: boolean | null }[];
    return rows[0]?.dirty ?? true;
  }

  private async rebuildIn(
    runner: QueryRunner,
    projectId: string,
    now: Date,
  ): Promise<RebuildOutcome | null> {
    const started = Date.now();
    // The first statement fixes the snapshot: every change whose rebuild request this watermark
    // counts was committed before it, so the build below includes it.
    const scope = await this.scopeOf(runner, projectId);
    const projects = (await runner.query(
      'SELECT slug, source_locale, settings FROM project WHERE id = $1',
      [projectId],
    )) as { slug: string; source_locale: string; settings: Record<string, unknown> }[];
    const project = projects[0];
    if (project === undefined) return null;
    const policy = exportPolicy(project.settings);

    const namespaces = (await runner.query(
      // The glossary's term strings are never exported.
      `SELECT id, name, nested_keys FROM namespace WHERE project_id = $1 AND name <> '${GLOSSARY_NAMESPACE}' ORDER BY name`,
      [projectId],
    )) as { id: string; name: string; nested_keys: boolean }[];
    const locales = (await runner.query(
      'SELECT id, code FROM locale WHERE project_id = $1 ORDER BY code',
      [projectId],
    )) as { id: string; code: string }[];
    if (!locales.some((l) => l.code === project.source_locale)) {
      locales.push({ id: '', code: project.source_locale });
    }
    const existing = (await runner.query(
      `SELECT locale, namespace, content_hash, key_count, unit_count, total_units
         FROM bundle WHERE project_id = $1`,
      [projectId],
    )) as ExistingRow[];
    const existingByKey = new Map(existing.map((r) => [`${r.locale}\n${r.namespace}`, r]));
    // A locale outside the request keeps its stored bundles, unless one of them is missing.
    const toBuild = locales.filter(
      (l) =>
        scope.all ||
        scope.locales.has(l.code) ||
        namespaces.some((ns) => !existingByKey.has(`${l.code}\n${ns.name}`)),
    );
    const unitsByNamespace =
      toBuild.length === 0
        ? new Map<string, { id: string; unit: SourceUnit }[]>()
        : await this.loadSources(runner, projectId, namespaces);

    const built: ManifestBundle[] = [];
    const changed: ChangedBundle[] = [];
    const writes: { bundle: ManifestBundle; shortHash: string; text: string; isNew: boolean }[] =
      [];
    for (const locale of locales) {
      if (!toBuild.includes(locale)) {
        for (const ns of namespaces) {
          const key = `${locale.code}\n${ns.name}`;
          const kept = existingByKey.get(key);
          existingByKey.delete(key);
          if (kept !== undefined) built.push(storedBundle(kept));
        }
        continue;
      }
      const winners =
        locale.code === project.source_locale || locale.id === ''
          ? new Map<string, WinnerRow>()
          : await this.loadWinners(runner, projectId, locale.id);
      for (const ns of namespaces) {
        const inputs: BundleUnitInput[] = (unitsByNamespace.get(ns.id) ?? []).map(
          ({ id, unit }) => {
            const w = winners.get(id);
            return w === undefined
              ? { unit }
              : { unit, winner: { forms: w.forms, sourceHash: w.winner_source_hash } };
          },
        );
        const result = buildBundle(inputs, {
          namespace: ns.name,
          locale: locale.code,
          sourceLocale: project.source_locale,
          keySeparator: ns.nested_keys ? '.' : false,
          exportStale: policy.exportStale,
        });
        if (!result.ok) {
          const first = result.errors[0];
          throw deliveryError(
            'BUNDLE_BUILD_FAILED',
            `Bundle ${locale.code}/${ns.name} cannot be built: ${first?.message ?? 'unknown error'}`,
            { locale: locale.code, namespace: ns.name, code: first?.code ?? '' },
          );
        }
        const b = result.value;
        const bundle: ManifestBundle = {
          locale: locale.code,
          namespace: ns.name,
          contentHash: b.contentHash,
          keyCount: b.keyCount,
          unitCount: b.unitCount,
          totalUnits: inputs.length,
        };
        built.push(bundle);
        const key = `${locale.code}\n${ns.name}`;
        const before = existingByKey.get(key);
        existingByKey.delete(key);
        const hashChanged = before === undefined || before.content_hash !== b.contentHash;
        if (hashChanged)
          changed.push({ locale: locale.code, namespace: ns.name, hash: b.contentHash });
        if (
          hashChanged ||
          before.key_count !== b.keyCount ||
          before.unit_count !== b.unitCount ||
          before.total_units !== inputs.length
        ) {
          writes.push({ bundle, shortHash: b.shortHash, text: b.text, isNew: hashChanged });
        }
      }
    }

    await this.writeBundles(runner, projectId, writes, now);
    // What is left belongs to a locale or namespace that is gone.
    const removed = [...existingByKey.values()].map((r) => ({
      locale: r.locale,
      namespace: r.namespace,
    }));
    if (removed.length > 0) {
      await runner.query(
        `DELETE FROM bundle b USING unnest($2::text[], $3::text[]) AS gone(locale, namespace)
          WHERE b.project_id = $1 AND b.locale = gone.locale AND b.namespace = gone.namespace`,
        [projectId, removed.map((r) => r.locale), removed.map((r) => r.namespace)],
      );
    }
    const manifest = buildDeliveryManifest(
      { slug: project.slug, sourceLocale: project.source_locale },
      built,
    );
    await runner.query(
      `INSERT INTO bundle_set (project_id, built_seq, bundle_set_hash, manifest, manifest_hash, built_at, build_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (project_id) DO UPDATE SET built_seq = $2, bundle_set_hash = $3, manifest = $4,
         manifest_hash = $5, built_at = $6, build_ms = $7`,
      [
        projectId,
        scope.requestedSeq,
        manifest.bundleSetHash,
        manifest.text,
        manifest.contentHash,
        now,
        Date.now() - started,
      ],
    );
    if (changed.length > 0 || removed.length > 0) {
      this.logger.log(
        `project ${project.slug}: ${changed.length} bundle(s) changed, ${removed.length} removed`,
      );
    }
    return {
      projectId,
      projectSlug: project.slug,
      bundles: built.length,
      builtLocales: toBuild.map((l) => l.code).sort(),
      changed,
      removed,
      bundleSetHash: manifest.bundleSetHash,
      seq: scope.requestedSeq,
    };
  }

  /**
   * What this build must cover, read from the requests in the build's snapshot: every locale
   * when the project was never built or a request named no locale since the last build, else the
   * locales named since then.
   */
  private async scopeOf(runner: QueryRunner, projectId: string): Promise<BuildScope> {
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
  private async loadSources(
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
  private async loadWinners(
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

  private async writeBundles(
    runner: QueryRunner,
    projectId: string,
    writes: readonly { bundle: ManifestBundle; shortHash: string; text: string; isNew: boolean }[],
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
}
