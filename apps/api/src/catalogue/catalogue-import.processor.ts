import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { CatalogueJobs } from '../queue/jobs';
import { CATALOGUE_QUEUE } from '../queue/jobs';
import { CatalogueImportService } from './catalogue-import.service';
import type { ImportResult } from './import-result';

/** Runs large imports in the worker. Safe to run twice: a finished upload returns its result. */
@Processor(CATALOGUE_QUEUE)
export class CatalogueImportProcessor extends WorkerHost {
  constructor(private readonly imports: CatalogueImportService) {
    super();
  }

  process(job: Job<CatalogueJobs['import']>): Promise<ImportResult> {
    return this.imports.runQueued(job.data.uploadId, (p) => job.updateProgress(p), new Date());
  }
}
