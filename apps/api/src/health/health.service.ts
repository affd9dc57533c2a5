import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig, QueueBackendKind } from '../config/env.schema';
import { MaintenanceProducer } from '../queue/maintenance.producer';

export type ComponentStatus = 'up' | 'down';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly postgres: ComponentStatus;
  readonly queue: ComponentStatus;
  readonly queueBackend: QueueBackendKind;
  /** Redis is reported as its own component only when it backs the queue. */
  readonly redis: ComponentStatus | 'not-configured';
}

export interface WorkerReport {
  readonly status: 'ok' | 'down';
  readonly roundTripMs: number | null;
  readonly workerPid: number | null;
  readonly reason: string | null;
}

/** How long a healthy /health/worker answer is reused. */
export const WORKER_OK_CACHE_MS = 5_000;

@Injectable()
export class HealthService {
  private workerCheck: Promise<WorkerReport> | null = null;
  private lastWorkerOk: { readonly at: number; readonly report: WorkerReport } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly maintenance: MaintenanceProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, queue] = await Promise.all([this.postgres(), this.maintenance.isReachable()]);
    const queueStatus: ComponentStatus = queue ? 'up' : 'down';
    return {
      status: postgres === 'up' && queue ? 'ok' : 'degraded',
      postgres,
      queue: queueStatus,
      queueBackend: this.config.queue.backend,
      redis: this.config.queue.backend === 'redis' ? queueStatus : 'not-configured',
    };
  }

  /**
   * A real round trip through the queue to a worker process. Anonymous callers may poll this, so
   * it costs at most one ping job at a time (concurrent callers share it) and a healthy answer
   * is reused for WORKER_OK_CACHE_MS; a failed one is not, so recovery shows at the next call.
   */
  checkWorker(timeoutMs = 5_000, now: number = Date.now()): Promise<WorkerReport> {
    const cached = this.lastWorkerOk;
    if (cached !== null && now - cached.at < WORKER_OK_CACHE_MS) {
      return Promise.resolve(cached.report);
    }
    if (this.workerCheck === null) {
      this.workerCheck = this.pingWorker(timeoutMs, now).finally(() => {
        this.workerCheck = null;
      });
    }
    return this.workerCheck;
  }

  private async pingWorker(timeoutMs: number, now: number): Promise<WorkerReport> {
    const outcome = await this.maintenance.ping(timeoutMs);
    const report: WorkerReport = outcome.ok
      ? {
          status: 'ok',
          roundTripMs: outcome.roundTripMs,
          workerPid: outcome.result.workerPid,
          reason: null,
        }
      : { status: 'down', roundTripMs: null, workerPid: null, reason: outcome.reason };
    this.lastWorkerOk = report.status === 'ok' ? { at: now, report } : null;
    return report;
  }

  private async postgres(): Promise<ComponentStatus> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
