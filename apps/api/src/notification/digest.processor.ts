import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { NOTIFICATION_QUEUE, type NotificationJobs } from '../queue/jobs';
import { DigestService } from './digest.service';

/**
 * The worker's e-mail digest job: a job scheduler every NOTIFICATION_DIGEST_MINUTES, upserted by
 * id so several workers share one schedule. Only registered when SMTP_URL is set.
 */
@Processor(NOTIFICATION_QUEUE)
export class DigestProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly digests: DigestService,
    @InjectQueue(NOTIFICATION_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.email === null) return;
    const data: NotificationJobs['email-digest'] = { requestedAt: 0 };
    await this.queue.upsertJobScheduler(
      'email-digest',
      { every: this.config.email.digestMs },
      { name: 'email-digest', data, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async process(
    _job: Job<NotificationJobs['email-digest'], { sent: number }, 'email-digest'>,
  ): Promise<{ sent: number }> {
    return { sent: await this.digests.send() };
  }
}
