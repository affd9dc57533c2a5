import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/request-context';
import type { TokenPrincipal } from '../identity/api-token.service';
import {
  BundleRebuildProducer,
  type LastBuild,
  lastBuildOf,
  rebuildDelayMs,
} from './bundle-rebuild.producer';
import { deliveryError } from './delivery.errors';
import { RESERVED_SLUGS } from '../catalogue/reserved-slugs';
import { type TarEntry, writeTarGz } from './tar-writer';

export interface BundleCaller {
  readonly principal: Principal | null;
  readonly token: TokenPrincipal | null;
}

export interface DeliveryProject {
  readonly id: string;
  readonly slug: string;
  readonly isPublic: boolean;
  /** Build state read with the project: built once, and whether a rebuild request is pending. */
  readonly build: {
    readonly built: boolean;
    readonly stale: boolean;
    readonly last: LastBuild | null;
  };
}

export interface BundleBody {
  readonly body: string;
  readonly contentHash: string;
  readonly shortHash: string;
}

/** Whether stored bundles may be served now, or the caller should come back later. */
export type BundleReadiness =
  | { readonly ready: true; readonly stale: boolean }
  | { readonly ready: false; readonly retryAfterSeconds: number; readonly message: string };

/** A caller that keeps asking within this window does not touch the queue again. */
const ENSURE_QUEUED_EVERY_MS = 1_000;
const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * Reads stored bundles for the HTTP endpoints. A read never builds: building in the request path
 * meant waiting on the project's build lock while holding a pooled connection, and enough parallel
 * reads then starved the build itself of the connection it needed (issue 14, Critical 1). A read
 * serves the last build; a project never built, or a caller asking for fresh bundles while a
 * rebuild is pending, is told to retry, and the worker is asked (idempotently) to build.
 */
@Injectable()
export class BundleReadService {
  private readonly logger = new Logger(BundleReadService.name);
  /** Project id → when this process last made sure a rebuild job exists. */
  private readonly ensured = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly rebuilds: BundleRebuildProducer,
  ) {}

  /**
   * The project behind a slug if the caller may pull it: public projects to anyone; private ones
   * to a `pull` token of that project or a member's session. Otherwise 404, so private projects'
   * existence does not leak.
   */
  async projectFor(slug: string, caller: BundleCaller): Promise<DeliveryProject> {
    // One round trip for access and build state: reads are the hot, anonymous path.
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.slug, p.visibility = 'public' AS is_public,
              ($2::uuid IS NOT NULL AND EXISTS (
                 SELECT 1 FROM membership m WHERE m.project_id = p.id AND m.user_id = $2::uuid)) AS member,
              s.built_at IS NOT NULL AND s.manifest IS NOT NULL AS built,
              coalesce(r.requested_seq, 0) > coalesce(s.built_seq, 0) AS stale,
              s.built_at AS started_at, s.build_ms
         FROM project p
         LEFT JOIN bundle_set s ON s.project_id = p.id
         LEFT JOIN bundle_request r ON r.project_id = p.id
        WHERE p.slug = $1 AND (p.system OR p.slug <> ALL($3::text[]))`,
      // A reserved slug (the UI's own catalogue) is served only from the instance's project.
      [slug, caller.principal?.userId ?? null, RESERVED_SLUGS],
    )) as {
      id: string;
      slug: string;
      is_public: boolean;
      member: boolean;
      built: boolean;
      stale: boolean;
      started_at: Date | null;
      build_ms: number | null;
    }[];
    const row = rows[0];
    const allowed =
      row !== undefined &&
      (row.is_public || row.member || (caller.token !== null && caller.token.projectId === row.id));
    if (!allowed) {
      throw deliveryError(
        'PROJECT_NOT_FOUND',
        `No project "${slug}" is visible to you. Private projects need a pull token of the project.`,
      );
    }
    return {
      id: row.id,
      slug: row.slug,
      isPublic: row.is_public,
      build: { built: row.built, stale: row.stale, last: lastBuildOf(row) },
    };
  }

  /**
   * Ready when the project was built at least once and, for `fresh` callers (a CI pull right
   * after a push), no rebuild request is above the last build's watermark. Otherwise the worker
   * is asked to build and the caller gets a Retry-After estimated from the last build's time.
   */
  readiness(project: DeliveryProject, fresh: boolean): BundleReadiness {
    const { built, last } = project.build;
    const stale = !built || project.build.stale;
    if (stale) this.ensureQueued(project.id);
    if (built && !(fresh && stale)) return { ready: true, stale };
    const retryAfterSeconds = Math.min(
      MAX_RETRY_AFTER_SECONDS,
      Math.max(1, Math.ceil((rebuildDelayMs(last, Date.now()) + (last?.buildMs ?? 0)) / 1_000)),
    );
    return {
      ready: false,
      retryAfterSeconds,
      message: built
        ? `Project "${project.slug}" has changes its bundles do not include yet; they are being rebuilt. Retry after ${retryAfterSeconds} s.`
        : `Project "${project.slug}" has not been built yet; its bundles are being built. Retry after ${retryAfterSeconds} s.`,
    };
  }

  /** Asks the worker for a rebuild, at most once a second per project and process. */
  private ensureQueued(projectId: string): void {
    const now = Date.now();
    if (now - (this.ensured.get(projectId) ?? -Infinity) < ENSURE_QUEUED_EVERY_MS) return;
    if (this.ensured.size > 10_000) this.ensured.clear();
    this.ensured.set(projectId, now);
    // Not awaited: a slow or absent queue must neither delay nor fail reads of stored bundles.
    void this.rebuilds.ensureRebuildQueued(projectId).catch((error: unknown) => {
      this.logger.warn(`could not queue a rebuild of project ${projectId}: ${String(error)}`);
    });
  }

  async current(project: DeliveryProject, locale: string, namespace: string): Promise<BundleBody> {
    const rows = (await this.dataSource.query(
      `SELECT v.body, b.content_hash, b.short_hash
         FROM bundle b JOIN bundle_version v USING (project_id, locale, namespace, content_hash)
        WHERE b.project_id = $1 AND b.locale = $2 AND b.namespace = $3`,
      [project.id, locale, namespace],
    )) as { body: string; content_hash: string; short_hash: string }[];
    const row = rows[0];
    if (row === undefined) throw await this.missing(project, locale, namespace);
    return { body: row.body, contentHash: row.content_hash, shortHash: row.short_hash };
  }

  /**
   * A bundle by its short hash: current or any earlier version of that locale and namespace; null
   * when there is none (the caller tells "not built yet" from "no such hash").
   */
  async byHash(
    project: DeliveryProject,
    locale: string,
    namespace: string,
    shortHash: string,
  ): Promise<BundleBody | null> {
    const rows = (await this.dataSource.query(
      `SELECT body, content_hash, short_hash FROM bundle_version
        WHERE project_id = $1 AND locale = $2 AND namespace = $3 AND short_hash = $4
        ORDER BY created_at DESC LIMIT 1`,
      [project.id, locale, namespace, shortHash],
    )) as { body: string; content_hash: string; short_hash: string }[];
    const row = rows[0];
    return row === undefined
      ? null
      : { body: row.body, contentHash: row.content_hash, shortHash: row.short_hash };
  }

  async manifest(project: DeliveryProject): Promise<{ body: string; contentHash: string }> {
    const rows = (await this.dataSource.query(
      'SELECT manifest, manifest_hash FROM bundle_set WHERE project_id = $1',
      [project.id],
    )) as { manifest: string | null; manifest_hash: string | null }[];
    const row = rows[0];
    if (row?.manifest == null || row.manifest_hash === null) {
      throw deliveryError('BUNDLE_NOT_FOUND', `Project "${project.slug}" has no bundles yet.`);
    }
    return { body: row.manifest, contentHash: row.manifest_hash };
  }

  /** Every current bundle as `<locale>/<ns>.json` plus manifest.json, as a deterministic .tar.gz. */
  async archive(project: DeliveryProject): Promise<{ body: Buffer; etag: string }> {
    const manifest = await this.manifest(project);
    const rows = (await this.dataSource.query(
      `SELECT b.locale, b.namespace, v.body
         FROM bundle b JOIN bundle_version v USING (project_id, locale, namespace, content_hash)
        WHERE b.project_id = $1`,
      [project.id],
    )) as { locale: string; namespace: string; body: string }[];
    const entries: TarEntry[] = rows.map((r) => ({
      path: `${r.locale}/${r.namespace}.json`,
      body: Buffer.from(r.body, 'utf8'),
    }));
    entries.push({ path: 'manifest.json', body: Buffer.from(manifest.body, 'utf8') });
    // The manifest pins every bundle's hash, so its hash identifies the archive's contents.
    return { body: await writeTarGz(entries), etag: manifest.contentHash };
  }

  private async missing(project: DeliveryProject, locale: string, namespace: string) {
    const rows = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM bundle WHERE project_id = $1 AND locale = $2) AS has_locale`,
      [project.id, locale],
    )) as { has_locale: boolean }[];
    return rows[0]?.has_locale === true
      ? deliveryError(
          'NAMESPACE_NOT_FOUND',
          `Project "${project.slug}" has no namespace "${namespace}". Read manifest.json for the list.`,
        )
      : deliveryError(
          'LOCALE_NOT_FOUND',
          `Project "${project.slug}" has no locale "${locale}". Read manifest.json for the list.`,
        );
  }
}
