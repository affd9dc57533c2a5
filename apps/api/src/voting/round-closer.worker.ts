import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import type { VotingJobs } from '../queue/jobs';
import { VOTING_QUEUE } from '../queue/jobs';
import { queueConnection } from '../queue/queue-connection';
import { AbuseService } from './abuse.service';
import { FOLD_EVERY_MS, ReputationFolder } from './reputation-folder';
import { RoundSchedulerProducer } from './round-scheduler.producer';
import { RecentIds } from '../common/collections/recent-ids';
import { UnitBusyError } from './unit-busy.error';
import { RoundCloseService } from './round-close.service';

type VotingJob = { [N in keyof VotingJobs]: Job<VotingJobs[N], unknown, N> }[keyof VotingJobs];

/**
 * The worker side of rounds (worker process only). Ticks close rounds at their deadline and
 * re-open undecided ones after the cooldown, guarded by the round's state under the unit's row
 * lock, so a duplicated or retried job decides once. A tick takes up to ROUND_CLOSE_BATCH other
 * due rounds along (set-based, SKIP LOCKED); their own jobs then find them settled and return. A crashed
 * worker's job is retried once its lock (QUEUE_LOCK_MS) expires.
 *
 * The sweep is the safety net for timers that were lost (a Redis without persistence restarted,
 * an enqueue that failed after commit): every ROUND_SWEEP_MS it re-schedules, from Postgres,
 * every round that is overdue. Its job ids equal the original ones, so it never doubles a job.
 */
@Injectable()
export class RoundCloserWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RoundCloser');
  private worker: Worker<VotingJobs[keyof VotingJobs], unknown, keyof VotingJobs> | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private abuseTimer: NodeJS.Timeout | null = null;
  private foldTimer: NodeJS.Timeout | null = null;
  /** Rounds this process decided in a batch: DECIDED is final, so their own ticks are skipped. */
  private readonly decided = new RecentIds(100_000);

  constructor(
    private readonly rounds: RoundCloseService,
    private readonly scheduler: RoundSchedulerProducer,
    private readonly abuse: AbuseService,
    private readonly folder: ReputationFolder,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.worker = new Worker(VOTING_QUEUE, (job) => this.process(job as VotingJob), {
      // The Postgres backend takes a pg config in the same option; BullMQ's types only describe Redis.
      connection: queueConnection(this.config) as never,
      prefix: this.config.queuePrefix,
      concurrency: 8,
      lockDuration: this.config.queueLockMs,
      stalledInterval: this.config.queueLockMs,
      maxStalledCount: 5,
    });
    this.worker.on('failed', (job, error) => {
      // Expected under load (the unit was in another batch); the retry settles it.
      if (error instanceof UnitBusyError) return;
      this.logger.warn(`job ${job?.id ?? '?'} failed: ${error.message}`);
    });
    this.worker.on('error', (error) => this.logger.error(`worker error: ${error.message}`));
    this.sweepTimer = setInterval(() => void this.sweep(), this.config.roundSweepMs);
    this.abuseTimer = setInterval(() => void this.scheduleAbuseScans(), this.config.abuseScanMs);
    this.foldTimer = setInterval(() => void this.foldReputation(), FOLD_EVERY_MS);
    void this.sweep();
  }

  /** SIGTERM: stop sweeping, let the active jobs finish, then close. */
  async onApplicationShutdown(): Promise<void> {
    if (this.sweepTimer !== null) clearInterval(this.sweepTimer);
    if (this.abuseTimer !== null) clearInterval(this.abuseTimer);
    if (this.foldTimer !== null) clearInterval(this.foldTimer);
    await this.worker?.close();
    this.logger.log('Voting worker closed: active jobs finished, nothing new taken');
  }

  async process(job: VotingJob): Promise<{ state: string }> {
    switch (job.name) {
      case 'tick': {
        if (this.decided.has(job.data.roundId) || (await this.isSettled(job.data.roundId)))
          return { state: 'settled' };
        // Until its last attempt a job never waits behind a batch holding its unit: it retries.
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        try {
          const outcome = await this.rounds.tickDue(
            job.data.unitId,
            Date.now(),
            this.config.roundCloseBatch,
            lastAttempt,
          );
          this.decided.remember(outcome.decidedRoundIds);
          return { state: outcome.state.round.state };
        } catch (error) {
          if (error instanceof UnitBusyError) this.decided.remember(error.decidedRoundIds);
          throw error;
        }
      }
      case 'scan-abuse': {
        const result = await this.abuse.scan(job.data.projectId, Date.now());
        return { state: `flags ${result.flags}, pairs ${result.collusionPairs}` };
      }
      default:
        return job satisfies never;
    }
  }

  /**
   * A tick has nothing to do on a DECIDED round, or an UNDECIDED one nobody touched since (no
   * cooldown to run): typically a round an earlier batch closed along with its own. Read without a
   * lock: a round seen live here is ticked under its lock as usual.
   */
  private async isSettled(roundId: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ settled: boolean }[]>(
      `SELECT state = 'DECIDED' OR (state = 'UNDECIDED' AND NOT dirty) AS settled
         FROM round WHERE id = $1`,
      [roundId],
    );
    return rows[0]?.settled ?? false;
  }

  /** Folds frequent voters' ledger rows into their totals (see ReputationFolder); logs a failure. */
  private async foldReputation(): Promise<void> {
    try {
      await this.folder.fold();
    } catch (error) {
      this.logger.warn(
        `reputation fold failed (will retry): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Re-schedules overdue deadlines and cooldowns found in Postgres. Returns how many it found. */
  async sweep(now = Date.now()): Promise<number> {
    try {
      const overdue: { unit_id: string; id: string; reason: 'deadline' | 'cooldown'; at: Date }[] =
        await this.dataSource.query(
          `SELECT r.unit_id, r.id, 'deadline' AS reason, r.deadline AS at FROM round r
          WHERE r.state IN ('COLLECTING', 'CLOSING') AND r.deadline <= $1
         UNION ALL
         SELECT r.unit_id, r.id, 'cooldown', r.closed_at + make_interval(secs => (r.params->>'reopenCooldown')::float8 / 1000)
           FROM round r
          WHERE r.state = 'UNDECIDED' AND r.dirty
            AND r.closed_at + make_interval(secs => (r.params->>'reopenCooldown')::float8 / 1000) <= $1
          LIMIT 10000`,
          [new Date(now)],
        );
      for (const row of overdue) {
        await this.scheduler.scheduleTick(
          { unitId: row.unit_id, roundId: row.id, reason: row.reason },
          row.at.getTime(),
          now,
        );
      }
      return overdue.length;
    } catch (error) {
      this.logger.warn(
        `sweep failed (will retry): ${error instanceof Error ? error.message : String(error)}`,
      );
      return 0;
    }
  }

  /** One scan job per project with votes, per period (the id names the period, so N workers add it once). */
  async scheduleAbuseScans(now = Date.now()): Promise<void> {
    try {
      const projects = await this.dataSource.query<{ project_id: string }[]>(
        'SELECT DISTINCT u.project_id FROM vote v JOIN translation_unit u ON u.id = v.unit_id',
      );
      const period = Math.floor(now / this.config.abuseScanMs);
      for (const { project_id } of projects)
        await this.scheduler.scheduleAbuseScan(project_id, period);
    } catch (error) {
      this.logger.warn(
        `abuse scan scheduling failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
