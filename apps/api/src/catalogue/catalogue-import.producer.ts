import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { CatalogueJobs } from '../queue/jobs';
import { CATALOGUE_QUEUE } from '../queue/jobs';
import { SharedQueueEvents } from '../queue/shared-queue-events';

export type ImportJobState = 'waiting' | 'active' | 'completed' | 'failed';

const RUNNING = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children', 'active']);

/**
 * Requests of one process that may wait for a job at the same time (GET /api/jobs/:id?wait=); more
 * answer at once, as without `wait`, so a crowd of clients cannot pile up listeners.
 */
export const MAX_JOB_WAITERS = 200;

/**
 * How often a waiting request looks at its job again. The event subscription alone can miss an
 * end: BullMQ's QueueEvents reports ready before its first XREAD (it sends CLIENT SETNAME first,
 * then reads from `$`), so a job that ends in between wakes nobody, and a job removed from the
 * queue announces no end at all. Each look is two Redis reads; at most MAX_JOB_WAITERS a second.
 */
export const JOB_RECHECK_MS = 1_000;

/** The only caller of `add` on the catalogue queue. */
@Injectable()
export class CatalogueImportProducer implements OnModuleDestroy {
  /** One event subscription for every request of this process that waits. */
  private readonly events: SharedQueueEvents;
  /** Wake-ups by job id; the subscription's one 'completed' and one 'failed' listener call them. */
  private readonly wakeUps = new Map<string, Set<() => void>>();
  private waiters = 0;

  constructor(@InjectQueue(CATALOGUE_QUEUE) private readonly queue: Queue) {
    const wake = ({ jobId }: { jobId: string }): void => {
      for (const done of [...(this.wakeUps.get(jobId) ?? [])]) done();
    };
    this.events = new SharedQueueEvents(queue, (events) => {
      events.on('completed', wake);
      events.on('failed', wake);
    });
  }

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

  /**
   * Resolves when the job completes or fails, when BullMQ no longer has it, or after `timeoutMs`,
   * whichever comes first; never rejects. An end is learnt from the event subscription, or at the
   * latest JOB_RECHECK_MS later from the job itself. Waits only while fewer than MAX_JOB_WAITERS
   * requests of this process do: beyond that it answers at once and the client polls as it would
   * anyway.
   */
  async waitForJob(jobId: string, timeoutMs: number): Promise<void> {
    if (timeoutMs <= 0 || this.waiters >= MAX_JOB_WAITERS) return;
    this.waiters += 1;
    const deadline = Date.now() + timeoutMs;
    try {
      // A subscription that never gets ready (a queue backend that hangs) still ends the wait.
      if (!(await readyWithin(this.events.get(), timeoutMs))) return;
      const left = deadline - Date.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const wakeUps = this.wakeUps.get(jobId) ?? new Set<() => void>();
        this.wakeUps.set(jobId, wakeUps);
        const done = (): void => {
          clearTimeout(timer);
          clearInterval(recheck);
          wakeUps.delete(done);
          if (wakeUps.size === 0 && this.wakeUps.get(jobId) === wakeUps) this.wakeUps.delete(jobId);
          resolve();
        };
        const timer = setTimeout(done, left);
        wakeUps.add(done);
        const look = (): void => {
          this.status(jobId).then(
            (status) => {
              if (status === null || status.state === 'completed' || status.state === 'failed')
                done();
            },
            () => done(),
          );
        };
        // It may have ended before the wake-up above was registered: look now, after it, and
        // again now and then for an end the subscription did not report (JOB_RECHECK_MS).
        const recheck = setInterval(look, JOB_RECHECK_MS);
        look();
      });
    } catch {
      // No event subscription (queue backend down): answer now, the client polls again.
    } finally {
      this.waiters -= 1;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.events.close();
  }
}

/** Whether `ready` resolves within `ms` (false when it rejects or takes longer). */
async function readyWithin(ready: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([ready.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
