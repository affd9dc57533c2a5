import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';

/** Rows deleted per statement, so one purge never holds a long lock or a huge WAL burst. */
const PURGE_BATCH = 1_000;

/**
 * Deletes import uploads whose job finished (result) or failed (error) more than
 * IMPORT_UPLOAD_RETENTION_HOURS ago; a failed upload keeps its whole body until then, so without
 * this the table grew by every refused file (issue 14). Unfinished uploads stay until their job
 * runs. Run by the worker's hourly `purge-uploads` job; safe to run twice.
 */
@Injectable()
export class ImportUploadPurgeService {
  private readonly logger = new Logger(ImportUploadPurgeService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async purge(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.importUploadRetentionMs);
    let total = 0;
    for (;;) {
      // A CTE, so the driver answers rows (a bare DELETE answers [rows, count]).
      const [row] = await this.dataSource.query<{ n: number }[]>(
        `WITH gone AS (
           DELETE FROM import_upload WHERE id IN (
             SELECT id FROM import_upload
              WHERE created_at < $1 AND (result IS NOT NULL OR error IS NOT NULL)
              LIMIT $2)
           RETURNING id)
         SELECT count(*)::int AS n FROM gone`,
        [before, PURGE_BATCH],
      );
      const deleted = row?.n ?? 0;
      total += deleted;
      if (deleted < PURGE_BATCH) break;
    }
    if (total > 0) this.logger.log(`purged ${total} finished import upload(s)`);
    return total;
  }
}
