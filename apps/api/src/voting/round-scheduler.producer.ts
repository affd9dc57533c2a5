import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { RecentIds } from '../common/collections/recent-ids';
import type { VotingJobs } from '../queue/jobs';
import { VOTING_QUEUE } from '../queue/jobs';

/** The debounce window of early-decision ticks: how late an early decision may come after its vote. */
export const EARLY_TICK_MS = 1_000;

function tickJobId(roundId: string, reason: VotingJobs['tick']['reason'], at: number): string {
  return `tick_${roundId}_${reason}_${at}`;
}

/**
 * The only caller of `add` on the voting queue. Job ids are derived from the round and the
 * moment, so scheduling the same close twice is a no-op (BullMQ ignores a duplicate id).
 */
@Injectable()
export class RoundSchedulerProducer {
  /** Early-tick job ids this process added (one per busy round per window). */
  private readonly earlyTicks = new RecentIds(10_000);

  constructor(@InjectQueue(VOTING_QUEUE) private readonly queue: Queue) {}

  async scheduleTick(job: VotingJobs['tick'], at: number, now: number): Promise<void> {
    await this.queue.add('tick', job, {
      jobId: tickJobId(job.roundId, job.reason, at),
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
    const jobId = tickJobId(roundId, 'early', at);
    // This process already added the window's job: BullMQ would ignore the duplicate, but asking
    // costs a Redis script call on every vote of a busy round (W2). Remembered only after success.
    if (this.earlyTicks.has(jobId)) return;
    await this.scheduleTick({ unitId, roundId, reason: 'early' }, at, now);
    this.earlyTicks.remember(jobId);
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
