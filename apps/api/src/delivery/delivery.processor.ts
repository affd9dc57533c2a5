import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, type Job } from 'bullmq';
import { assertNever } from '../common/errors/assert-never';
import type { DeliveryJobName, DeliveryJobs } from '../queue/jobs';
import { DELIVERY_QUEUE } from '../queue/jobs';
import { BundleBuildService } from './bundle-build.service';
import { WebhookService } from './webhook.service';

type DeliveryJob =
  | Job<DeliveryJobs['rebuild-bundles'], unknown, 'rebuild-bundles'>
  | Job<DeliveryJobs['webhook'], unknown, 'webhook'>;

/** Rebuilds bundles and delivers webhooks; runs only in the worker. Both jobs are safe to repeat. */
@Processor(DELIVERY_QUEUE)
export class DeliveryProcessor extends WorkerHost {
  constructor(
    private readonly builds: BundleBuildService,
    private readonly webhooks: WebhookService,
  ) {
    super();
  }

  async process(job: DeliveryJob, token?: string): Promise<unknown> {
    const name = job.name as DeliveryJobName;
    switch (name) {
      case 'rebuild-bundles': {
        const data = job.data as DeliveryJobs['rebuild-bundles'];
        // A follow-up queued while the last build ran may come due right after it: it waits out
        // the spacing from that build's end (REBUILD_SPACING) and then covers every request since.
        const waitMs = await this.builds.spacingWaitMs(data.projectId, Date.now());
        if (waitMs > 0 && token !== undefined) {
          await job.moveToDelayed(Date.now() + waitMs, token);
          throw new DelayedError();
        }
        const outcome = await this.builds.rebuild(data.projectId, new Date());
        return outcome === null ? null : { changed: outcome.changed.length };
      }
      case 'webhook': {
        const data = job.data as DeliveryJobs['webhook'];
        return { status: await this.webhooks.deliver(data.webhookId, data.body, new Date()) };
      }
      default:
        return assertNever(name, 'delivery job');
    }
  }
}
