import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { AccessService } from '../identity/access.service';
import { InstanceAdminService } from '../identity/instance-admin.service';
import { toUserModel } from '../identity/user.mapper';
import { UserEntity } from '../identity/user.entity';
import { CATALOGUE_QUEUE, DELIVERY_QUEUE, MAINTENANCE_QUEUE, VOTING_QUEUE } from '../queue/jobs';
import { queueConnection } from '../queue/queue-connection';
import type { AbuseFlagModel, QueueStatsModel } from './dto/abuse-flag.model';

const QUEUES = [VOTING_QUEUE, DELIVERY_QUEUE, CATALOGUE_QUEUE, MAINTENANCE_QUEUE] as const;

/** What managers and owners look at: flagged accounts and the queues' health. */
@Injectable()
export class AdminQueryService implements OnModuleDestroy {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly admins: InstanceAdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async flaggedAccounts(
    userId: string,
    slug: string,
    locale: string | undefined,
  ): Promise<AbuseFlagModel[]> {
    const project = await this.access.requireProject(userId, slug, 'abuse.view', locale);
    const flags = await this.dataSource.query<
      {
        id: string;
        kind: string;
        user_ids: string[];
        evidence: unknown;
        detected_at: Date;
        report_id: string | null;
      }[]
    >(
      // The scan files each flag as a report in the moderation queue (one per flag, ever): its id
      // while open, so a manager can ban or warn from the flag (moderateReport).
      `SELECT f.id, f.kind, f.user_ids, f.evidence, f.detected_at, r.id AS report_id
         FROM abuse_flag f
         LEFT JOIN moderation_report r ON r.abuse_flag_id = f.id AND r.status = 'open'
        WHERE f.project_id = $1 AND f.cleared_at IS NULL
        ORDER BY f.detected_at DESC, f.id LIMIT 500`,
      [project.id],
    );
    const ids = [...new Set(flags.flatMap((f) => f.user_ids))];
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id = ANY(:ids)', { ids })
      .getMany();
    const byId = new Map(users.map((u) => [u.id, toUserModel(u)]));
    return flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      users: f.user_ids.flatMap((id) => byId.get(id) ?? []),
      evidence: JSON.stringify(f.evidence),
      detectedAt: f.detected_at,
      reportId: f.report_id,
    }));
  }

  /**
   * Job counts of every queue. The queues are shared by every tenant, so the counts tell about
   * other projects' activity: instance administrators only (ADMIN_EMAILS), not project owners.
   */
  async queueStats(userId: string): Promise<QueueStatsModel[]> {
    await this.admins.require(userId, 'Queue statistics cover every project on this server');
    const stats: QueueStatsModel[] = [];
    for (const name of QUEUES) {
      const counts = await this.queue(name).getJobCounts(
        'waiting',
        'active',
        'delayed',
        'completed',
        'failed',
      );
      stats.push({
        queue: name,
        waiting: counts['waiting'] ?? 0,
        active: counts['active'] ?? 0,
        delayed: counts['delayed'] ?? 0,
        completed: counts['completed'] ?? 0,
        failed: counts['failed'] ?? 0,
      });
    }
    return stats;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      queue = new Queue(name, {
        connection: queueConnection(this.config) as never,
        prefix: this.config.queuePrefix,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
