import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { MaintenanceJobs, PingResult } from './jobs';
import { MAINTENANCE_QUEUE } from './jobs';
import { SharedQueueEvents } from './shared-queue-events';

export type PingOutcome =
  | { readonly ok: true; readonly result: PingResult; readonly roundTripMs: number }
  | { readonly ok: false; readonly reason: string };

/** The only caller of `add` on the maintenance queue. */
@Injectable()
export class MaintenanceProducer implements OnModuleDestroy {
  /** One event subscription for every ping this process waits on. */
  private readonly events: SharedQueueEvents;

  constructor(@InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue) {
    this.events = new SharedQueueEvents(queue);
  }

  async enqueuePing(now: number): Promise<Job<MaintenanceJobs['ping']>> {
    const nonce = randomUUID();
    return this.queue.add(
      'ping',
      { requestedAt: now, nonce },
      { jobId: `ping-${nonce}`, attempts: 1, removeOnComplete: true, removeOnFail: true },
    );
  }

  /**
   * Enqueues a ping and waits (bounded) for a worker to finish it. A ping no worker took in time
   * is removed, so an absent worker does not pile up jobs. Callers bound the rate (HealthService).
   */
  async ping(timeoutMs: number): Promise<PingOutcome> {
    const started = performance.now();
    let job: Job<MaintenanceJobs['ping']> | null = null;
    try {
      const events = await this.events.get();
      job = await this.enqueuePing(Date.now());
      const result = (await job.waitUntilFinished(events, timeoutMs)) as PingResult;
      return { ok: true, result, roundTripMs: Math.round(performance.now() - started) };
    } catch (error) {
      await job?.remove().catch(() => undefined);
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.events.close();
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }

  async isReachable(): Promise<boolean> {
    try {
      await this.queue.getJobCounts('waiting');
      return true;
    } catch {
      return false;
    }
  }
}
