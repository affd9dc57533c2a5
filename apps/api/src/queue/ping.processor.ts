import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { MaintenanceJobs, PingResult } from './jobs';
import { MAINTENANCE_QUEUE } from './jobs';

/** Answers ping jobs; runs only in the worker process. Safe to run twice (it has no effects). */
@Processor(MAINTENANCE_QUEUE)
export class PingProcessor extends WorkerHost {
  process(job: Job<MaintenanceJobs['ping']>): Promise<PingResult> {
    return Promise.resolve({
      nonce: job.data.nonce,
      processedAt: Date.now(),
      workerPid: process.pid,
    });
  }
}
