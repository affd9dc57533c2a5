import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { lastBuildOf, spacingWaitMs } from './bundle-rebuild.producer';
import { deliveryError } from './delivery.errors';
import { buildDeliveryManifest, type ManifestBundle } from './delivery-manifest';
import { WebhookService } from './webhook.service';
import {
  copySources,
  copyWinners,
  scopeOf,
  storedBundle,
  type ExistingRow,
} from './bundle-build.reads';
import { BundleThread, type BundleSession } from './bundle-thread';
import { writeBundles, type BundleWrite } from './bundle-build.writes';
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
    private readonly thread: BundleThread,
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
    const scope = await scopeOf(runner, projectId);
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
    const built: ManifestBundle[] = [];
    const changed: ChangedBundle[] = [];
    const writes: BundleWrite[] = [];
    // Opened by the first locale to build: the thread then holds the source strings for all.
    let session: BundleSession | null = null;
    const inScope = locales.filter((l) => toBuild.includes(l));
    const winnersOf = (l: { id: string; code: string }): Promise<Uint8Array> =>
      l.code === project.source_locale || l.id === ''
        ? Promise.resolve(new Uint8Array(0))
        : copyWinners(runner, projectId, l.id);
    // The next locale's winners are read while the thread builds this one's bundles.
    let prefetched: Promise<Uint8Array> | null = null;
    try {
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
        const winners = await (prefetched ?? winnersOf(locale));
        session ??= await this.thread.open(
          await copySources(runner, projectId),
          namespaces.map((ns) => ({ id: ns.id, name: ns.name, nestedKeys: ns.nested_keys })),
        );
        const next = inScope[inScope.indexOf(locale) + 1];
        prefetched = next === undefined ? null : winnersOf(next);
        // Awaited in its turn; a failure before then must not surface as an unhandled rejection.
        prefetched?.catch(() => undefined);
        const stored: Record<string, string> = {};
        for (const ns of namespaces) {
          const row = existingByKey.get(`${locale.code}\n${ns.name}`);
          if (row !== undefined) stored[ns.name] = row.content_hash;
        }
        const bundles = await session.build(
          {
            locale: locale.code,
            sourceLocale: project.source_locale,
            exportStale: policy.exportStale,
            stored,
          },
          winners,
        );
        for (const b of bundles) {
          if (!b.ok) {
            throw deliveryError(
              'BUNDLE_BUILD_FAILED',
              `Bundle ${locale.code}/${b.namespace} cannot be built: ${b.message}`,
              { locale: locale.code, namespace: b.namespace, code: b.code },
            );
          }
          const bundle: ManifestBundle = {
            locale: locale.code,
            namespace: b.namespace,
            contentHash: b.contentHash,
            keyCount: b.keyCount,
            unitCount: b.unitCount,
            totalUnits: b.totalUnits,
          };
          built.push(bundle);
          const key = `${locale.code}\n${b.namespace}`;
          const before = existingByKey.get(key);
          existingByKey.delete(key);
          const hashChanged = before === undefined || before.content_hash !== b.contentHash;
          if (hashChanged)
            changed.push({ locale: locale.code, namespace: b.namespace, hash: b.contentHash });
          if (
            hashChanged ||
            before.key_count !== b.keyCount ||
            before.unit_count !== b.unitCount ||
            before.total_units !== b.totalUnits
          ) {
            writes.push({ bundle, shortHash: b.shortHash, text: b.text, isNew: hashChanged });
          }
        }
      }
    } finally {
      await session?.close();
    }

    await writeBundles(runner, projectId, writes, now);
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
}
