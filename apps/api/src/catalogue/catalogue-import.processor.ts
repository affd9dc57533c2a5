import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
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
 * upload returns its result, and a purge deletes only what is past its retention. Up to
 * IMPORT_CONCURRENCY imports run at once: translations of different locales proceed side by side
 * (one file's parse beside another's database work), while a source import has its namespace to
 * itself (the row locks are taken in CatalogueImportService.apply).
 */
@Processor(CATALOGUE_QUEUE)
export class CatalogueImportProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly imports: CatalogueImportService,
    private readonly purges: ImportUploadPurgeService,
    private readonly producer: CatalogueImportProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.importConcurrency;
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
