import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { VotingJobs } from '../queue/jobs';
import { VOTING_QUEUE } from '../queue/jobs';

/** The debounce window of early-decision ticks: how late an early decision may come after its vote. */
export const EARLY_TICK_MS = 1_000;

/**
 * The only caller of `add` on the voting queue. Job ids are derived from the round and the
 * moment, so scheduling the same close twice is a no-op (BullMQ ignores a duplicate id).
 */
@Injectable()
export class RoundSchedulerProducer {
  constructor(@InjectQueue(VOTING_QUEUE) private readonly queue: Queue) {}

  async scheduleTick(job: VotingJobs['tick'], at: number, now: number): Promise<void> {
    await this.queue.add('tick', job, {
      jobId: `tick_${job.roundId}_${job.reason}_${at}`,
      delay: Math.max(0, at - now),
      attempts: 10,
      backoff: { type: 'exponential', delay: 500 },
    });
  }

  /**
   * A vote in a round that may decide early: one tick per round per EARLY_TICK_MS window (the job
   * id names the window's end), so a burst of votes costs one evaluation, at most a window later.
   */
  async scheduleEarlyTick(unitId: string, roundId: string, now: number): Promise<void> {
    const at = (Math.floor(now / EARLY_TICK_MS) + 1) * EARLY_TICK_MS;
    await this.scheduleTick({ unitId, roundId, reason: 'early' }, at, now);
  }

  async scheduleAbuseScan(projectId: string, period: number): Promise<void> {
    await this.queue.add(
      'scan-abuse',
      { projectId },
      { jobId: `scan-abuse_${projectId}_${period}`, attempts: 3 },
    );
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }
}
