import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { MaintenanceJobs, PingResult } from './jobs';
import { MAINTENANCE_QUEUE } from './jobs';

export type PingOutcome =
  | { readonly ok: true; readonly result: PingResult; readonly roundTripMs: number }
  | { readonly ok: false; readonly reason: string };

/** The only caller of `add` on the maintenance queue. */
@Injectable()
export class MaintenanceProducer {
  constructor(@InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue) {}

  async enqueuePing(now: number): Promise<Job<MaintenanceJobs['ping']>> {
    const nonce = randomUUID();
    return this.queue.add(
      'ping',
      { requestedAt: now, nonce },
      { jobId: `ping-${nonce}`, attempts: 1 },
    );
  }

  /** Enqueues a ping and waits (bounded) for a worker to finish it. */
  async ping(timeoutMs: number): Promise<PingOutcome> {
    const started = performance.now();
    const events = new QueueEvents(MAINTENANCE_QUEUE, {
      connection: this.queue.opts.connection,
      prefix: this.queue.opts.prefix,
    });
    try {
      await events.waitUntilReady();
      const job = await this.enqueuePing(Date.now());
      const result = (await job.waitUntilFinished(events, timeoutMs)) as PingResult;
      return { ok: true, result, roundTripMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      await events.close();
    }
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
