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

@Injectable()
export class HealthService {
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

  /** A real round trip through the queue to a worker process. */
  async checkWorker(timeoutMs = 5_000): Promise<WorkerReport> {
    const outcome = await this.maintenance.ping(timeoutMs);
    return outcome.ok
      ? {
          status: 'ok',
          roundTripMs: outcome.roundTripMs,
          workerPid: outcome.result.workerPid,
          reason: null,
        }
      : { status: 'down', roundTripMs: null, workerPid: null, reason: outcome.reason };
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
