import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { AppError } from '../common/errors/app-error';
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

  async process(job: Job<CatalogueJobs['import']>): Promise<ImportResult> {
    try {
      return await this.imports.runQueued(
        job.data.uploadId,
        (p) => job.updateProgress(p),
        new Date(),
      );
    } catch (error) {
      // A refused file (malformed, unknown locale) is refused again on retry: fail it now; the
      // upload keeps the error for GET /api/jobs/:id.
      if (error instanceof AppError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
