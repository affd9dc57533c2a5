import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/request-context';
import type { TokenPrincipal } from '../identity/api-token.service';
import { BundleBuildService } from './bundle-build.service';
import { deliveryError } from './delivery.errors';
import { type TarEntry, writeTarGz } from './tar-writer';

export interface BundleCaller {
  readonly principal: Principal | null;
  readonly token: TokenPrincipal | null;
}

export interface DeliveryProject {
  readonly id: string;
  readonly slug: string;
  readonly isPublic: boolean;
}

export interface BundleBody {
  readonly body: string;
  readonly contentHash: string;
  readonly shortHash: string;
}

/**
 * Reads stored bundles for the HTTP endpoints. Builds on demand when the project has never been
 * built, or a rebuild was requested and the worker has not caught up yet (read-your-writes for a
 * CI job that pushes and then pulls).
 */
@Injectable()
export class BundleReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly builds: BundleBuildService,
  ) {}

  /**
   * The project behind a slug if the caller may pull it: public projects to anyone; private ones
   * to a `pull` token of that project or a member's session. Otherwise 404, so private projects'
   * existence does not leak.
   */
  async projectFor(slug: string, caller: BundleCaller): Promise<DeliveryProject> {
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.slug, p.visibility = 'public' AS is_public,
              ($2::uuid IS NOT NULL AND EXISTS (
                 SELECT 1 FROM membership m WHERE m.project_id = p.id AND m.user_id = $2::uuid)) AS member
         FROM project p WHERE p.slug = $1`,
      [slug, caller.principal?.userId ?? null],
    )) as { id: string; slug: string; is_public: boolean; member: boolean }[];
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
    return { id: row.id, slug: row.slug, isPublic: row.is_public };
  }

  /** Rebuilds now when the stored bundles may be out of date. */
  async ensureFresh(projectId: string): Promise<void> {
    if (!(await this.builds.needsBuild(projectId))) return;
    await this.builds.rebuild(projectId, new Date());
  }

  async current(project: DeliveryProject, locale: string, namespace: string): Promise<BundleBody> {
    await this.ensureFresh(project.id);
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

  /** A bundle by its short hash: current or any earlier version of that locale and namespace. */
  async byHash(
    project: DeliveryProject,
    locale: string,
    namespace: string,
    shortHash: string,
  ): Promise<BundleBody> {
    await this.ensureFresh(project.id);
    const rows = (await this.dataSource.query(
      `SELECT body, content_hash, short_hash FROM bundle_version
        WHERE project_id = $1 AND locale = $2 AND namespace = $3 AND short_hash = $4
        ORDER BY created_at DESC LIMIT 1`,
      [project.id, locale, namespace, shortHash],
    )) as { body: string; content_hash: string; short_hash: string }[];
    const row = rows[0];
    if (row === undefined) {
      throw deliveryError(
        'BUNDLE_NOT_FOUND',
        `No bundle ${locale}/${namespace} with hash ${shortHash} in project "${project.slug}". Read manifest.json for the current hashes.`,
      );
    }
    return { body: row.body, contentHash: row.content_hash, shortHash: row.short_hash };
  }

  async manifest(project: DeliveryProject): Promise<{ body: string; contentHash: string }> {
    await this.ensureFresh(project.id);
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
