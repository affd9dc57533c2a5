import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { CatalogueJobs } from '../queue/jobs';
import { CATALOGUE_QUEUE } from '../queue/jobs';

export type ImportJobState = 'waiting' | 'active' | 'completed' | 'failed';

const RUNNING = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children', 'active']);

/** The only caller of `add` on the catalogue queue. */
@Injectable()
export class CatalogueImportProducer {
  constructor(@InjectQueue(CATALOGUE_QUEUE) private readonly queue: Queue) {}

  /**
   * Enqueues the import of a stored upload; the job id is the upload id (a hash of project,
   * namespace, locale and content), so the same file sent twice while the first is still queued
   * or running is one job. A finished job of the same id is replaced: the data may have changed
   * since, so the file must be applied again.
   */
  async enqueueImport(uploadId: string): Promise<void> {
    const existing = await this.queue.getJob(uploadId);
    if (existing !== undefined) {
      if (RUNNING.has(await existing.getState())) return;
      await existing.remove().catch(() => undefined);
    }
    const data: CatalogueJobs['import'] = { uploadId };
    await this.queue.add('import', data, { jobId: uploadId, attempts: 3 });
  }

  /**
   * Registers the hourly purge of old uploads (ImportUploadPurgeService). A job scheduler is
   * upserted by id, so every worker start (and several workers) share one schedule.
   */
  async schedulePurge(everyMs = 3_600_000): Promise<void> {
    const data: CatalogueJobs['purge-uploads'] = { requestedAt: 0 };
    await this.queue.upsertJobScheduler(
      'purge-uploads',
      { every: everyMs },
      { name: 'purge-uploads', data, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  /** State and progress as BullMQ knows them, or null when it no longer has the job. */
  async status(jobId: string): Promise<{ state: ImportJobState; progress: number } | null> {
    const job = await this.queue.getJob(jobId);
    if (job === undefined) return null;
    const state = await job.getState();
    const progress = typeof job.progress === 'number' ? job.progress : 0;
    if (state === 'completed' || state === 'failed' || state === 'active') {
      return { state, progress };
    }
    return { state: 'waiting', progress };
  }
}
