import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { preparedQuery } from '../database/prepared-query';
import { ProjectEntity } from '../catalogue/project.entity';
import { AccessService } from '../identity/access.service';
import { readImageHeader, MAX_IMAGE_SIDE } from './image-header';
import { parseRegions } from './regions';
import { ScreenshotEntity, ScreenshotRegionEntity, type ScreenshotType } from './screenshot.entity';
import { screenshotError } from './screenshot.errors';

/** Screenshots kept per key: the newest few show the current screens, older ones are dropped. */
export const SCREENSHOTS_PER_KEY = 3;

export interface ScreenshotUpload {
  readonly image: Buffer;
  /** The content type the client claimed; must agree with the bytes. */
  readonly claimedType: string;
  readonly regionsJson: string;
}

export interface StoredScreenshot {
  readonly id: string;
  readonly regions: number;
}

export interface KeyScreenshot {
  readonly screenshotId: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly createdAt: Date;
}

@Injectable()
export class ScreenshotService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Owners switch screenshot uploads on or off for their project. */
  async setEnabled(userId: string, slug: string, enabled: boolean): Promise<ProjectEntity> {
    const project = await this.access.requireProject(userId, slug, 'project.update');
    return this.dataSource.transaction(async (manager) => {
      project.inContextScreenshots = enabled;
      await manager.update(ProjectEntity, { id: project.id }, { inContextScreenshots: enabled });
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'project.screenshots',
          payload: { enabled },
        },
        manager,
      );
      return project;
    });
  }

  /**
   * Stores one screenshot with its key regions for a signed-in user who may submit translations
   * in the project, when its owner allows screenshots; keeps the newest SCREENSHOTS_PER_KEY per key.
   */
  async upload(
    userId: string,
    slug: string,
    upload: ScreenshotUpload,
    maxBytes: number,
  ): Promise<StoredScreenshot> {
    const project = await this.access.requireProject(userId, slug, 'translation.submit');
    if (!project.inContextScreenshots) {
      throw screenshotError(
        'SCREENSHOTS_DISABLED',
        `The owner of "${slug}" has not enabled in-context screenshots.`,
      );
    }
    if (upload.image.length > maxBytes) {
      throw screenshotError(
        'SCREENSHOT_TOO_LARGE',
        `The screenshot exceeds ${Math.floor(maxBytes / 1024)} KB; send a smaller or JPEG/WebP image.`,
      );
    }
    const header = readImageHeader(upload.image);
    if (header === null) {
      throw screenshotError('INVALID_IMAGE', 'The screenshot must be a PNG, JPEG or WebP image.');
    }
    const claimed = upload.claimedType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (claimed !== header.type) {
      throw screenshotError(
        'INVALID_IMAGE',
        `The image's bytes are ${header.type}, but it was sent as "${claimed.slice(0, 64)}".`,
      );
    }
    if (
      header.width < 1 ||
      header.height < 1 ||
      header.width > MAX_IMAGE_SIDE ||
      header.height > MAX_IMAGE_SIDE
    ) {
      throw screenshotError(
        'INVALID_IMAGE',
        `The screenshot must be between 1 and ${MAX_IMAGE_SIDE} pixels on each side.`,
      );
    }
    const regions = parseRegions(upload.regionsJson, header);
    return this.dataSource.transaction(async (manager) => {
      const shot = await manager.save(
        manager.create(ScreenshotEntity, {
          projectId: project.id,
          uploaderId: userId,
          contentType: header.type satisfies ScreenshotType,
          image: upload.image,
          width: header.width,
          height: header.height,
        }),
      );
      await manager.insert(
        ScreenshotRegionEntity,
        regions.map((r) => ({ ...r, screenshotId: shot.id, projectId: project.id })),
      );
      await this.prune(manager, project.id, shot.id);
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'screenshot.uploaded',
          payload: { screenshotId: shot.id, regions: regions.length, bytes: upload.image.length },
        },
        manager,
      );
      return { id: shot.id, regions: regions.length };
    });
  }

  /** The image, for whoever may read its project (a private one: members only; else not found). */
  async read(
    id: string,
    userId: string | null,
  ): Promise<{ contentType: ScreenshotType; image: Buffer }> {
    const notFound = () =>
      screenshotError('SCREENSHOT_NOT_FOUND', `No screenshot "${id.slice(0, 64)}".`);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
    const shot = await this.dataSource.getRepository(ScreenshotEntity).findOne({ where: { id } });
    if (shot === null) throw notFound();
    const project = await this.dataSource
      .getRepository(ProjectEntity)
      .findOne({ where: { id: shot.projectId } });
    if (project === null) throw notFound();
    if (project.visibility === 'private') {
      const members = userId === null ? [] : await this.access.membershipsOf(project.id, userId);
      if (members.length === 0) throw notFound();
    }
    return { contentType: shot.contentType, image: shot.image };
  }

  /**
   * The newest screenshots of each string (source string ids the caller has already been allowed
   * to read), newest first; one query for the whole page.
   */
  async forStrings(stringIds: readonly string[]): Promise<Map<string, KeyScreenshot[]>> {
    const out = new Map<string, KeyScreenshot[]>();
    if (stringIds.length === 0) return out;
    // Prepared: every string page and every voter's claim asks for it, and planning this
    // four-table join took more than running it (bind 0.45 ms, execute 0.04 ms per call).
    const rows = await preparedQuery<{
      string_id: string;
      screenshot_id: string;
      x: number;
      y: number;
      width: number;
      height: number;
      image_width: number;
      image_height: number;
      created_at: Date;
    }>(
      this.dataSource,
      `SELECT s.id AS string_id, r.screenshot_id, r.x, r.y, r.width, r.height,
              sh.width AS image_width, sh.height AS image_height, r.created_at
         FROM source_string s
         JOIN namespace n ON n.id = s.namespace_id
         JOIN screenshot_region r
           ON r.project_id = s.project_id AND r.namespace = n.name AND r.key = s.key
         JOIN screenshot sh ON sh.id = r.screenshot_id
        WHERE s.id = ANY($1::uuid[])
        ORDER BY r.created_at DESC, r.screenshot_id`,
      [stringIds],
    );
    for (const row of rows) {
      const list = out.get(row.string_id) ?? [];
      if (list.length >= SCREENSHOTS_PER_KEY) continue;
      list.push({
        screenshotId: row.screenshot_id,
        x: row.x,
        y: row.y,
        width: row.width,
        height: row.height,
        imageWidth: row.image_width,
        imageHeight: row.image_height,
        createdAt: row.created_at,
      });
      out.set(row.string_id, list);
    }
    return out;
  }

  /** Drops regions past the newest SCREENSHOTS_PER_KEY of each key, then images left without one. */
  private async prune(
    manager: EntityManager,
    projectId: string,
    screenshotId: string,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM screenshot_region d
        USING (SELECT screenshot_id, namespace, key,
                      row_number() OVER (PARTITION BY namespace, key
                                         ORDER BY created_at DESC, screenshot_id DESC) AS rank
                 FROM screenshot_region
                WHERE project_id = $1
                  AND (namespace, key) IN
                      (SELECT namespace, key FROM screenshot_region WHERE screenshot_id = $2)) old
        WHERE old.rank > $3 AND d.screenshot_id = old.screenshot_id
          AND d.namespace = old.namespace AND d.key = old.key`,
      [projectId, screenshotId, SCREENSHOTS_PER_KEY],
    );
    await manager.query(
      `DELETE FROM screenshot sh
        WHERE sh.project_id = $1
          AND NOT EXISTS (SELECT 1 FROM screenshot_region r WHERE r.screenshot_id = sh.id)`,
      [projectId],
    );
  }
}
