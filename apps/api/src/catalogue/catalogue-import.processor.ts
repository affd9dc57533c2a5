import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AppError } from '../common/errors/app-error';
import type { CatalogueJobs } from '../queue/jobs';
import { CATALOGUE_QUEUE } from '../queue/jobs';
import { CatalogueImportProducer } from './catalogue-import.producer';
import { CatalogueImportService } from './catalogue-import.service';
import type { ImportResult } from './import-result';
import { ImportUploadPurgeService } from './import-upload-purge.service';

type CatalogueJob =
  | Job<CatalogueJobs['import'], ImportResult, 'import'>
  | Job<CatalogueJobs['purge-uploads'], { purged: number }, 'purge-uploads'>;

/**
 * Runs large imports and the hourly upload purge in the worker. Safe to run twice: a finished
 * upload returns its result, and a purge deletes only what is past its retention.
 */
@Processor(CATALOGUE_QUEUE)
export class CatalogueImportProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly imports: CatalogueImportService,
    private readonly purges: ImportUploadPurgeService,
    private readonly producer: CatalogueImportProducer,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.schedulePurge();
  }

  async process(job: CatalogueJob): Promise<ImportResult | { purged: number }> {
    if (job.name === 'purge-uploads') return { purged: await this.purges.purge(new Date()) };
    const data = job.data as CatalogueJobs['import'];
    try {
      return await this.imports.runQueued(data.uploadId, (p) => job.updateProgress(p), new Date());
    } catch (error) {
      // A refused file (malformed, unknown locale) is refused again on retry: fail it now; the
      // upload keeps the error for GET /api/jobs/:id.
      if (error instanceof AppError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
