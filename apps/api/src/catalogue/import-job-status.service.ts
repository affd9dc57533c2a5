import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, type Caller } from '../identity/access.service';
import { identityError } from '../identity/identity.errors';
import { catalogueError } from './catalogue.errors';
import { CatalogueImportProducer, type ImportJobState } from './catalogue-import.producer';
import type { ImportResult } from './import-result';
import { ImportUploadEntity } from './import-upload.entity';

export interface ImportJobStatus {
  readonly id: string;
  readonly state: ImportJobState;
  readonly progress: number;
  readonly result?: ImportResult;
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * What a job status needs: never the body, which a client polling a queued file several times a
 * second would otherwise read (megabytes) on every poll.
 */
const STATUS_COLUMNS = {
  id: true,
  locale: true,
  result: true,
  error: true,
  project: { id: true, slug: true, sourceLocale: true },
} as const;

/**
 * Where a queued import stands (`importJob`, `GET /api/jobs/:jobId`): the stored upload's result
 * or error first, the queue's job state otherwise, for a caller who may import into that locale.
 */
@Injectable()
export class ImportJobStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly producer: CatalogueImportProducer,
  ) {}

  /**
   * The job's state; with `waitMs`, a job still waiting or running is answered when it ends or
   * after `waitMs`, whichever comes first (a long poll: the client learns of the end at once
   * instead of at its next poll). The caller is authorised before the wait and again after it.
   */
  async jobStatus(caller: Caller | null, jobId: string, waitMs = 0): Promise<ImportJobStatus> {
    const now = await this.currentJobStatus(caller, jobId);
    if (waitMs <= 0 || (now.state !== 'waiting' && now.state !== 'active')) return now;
    await this.producer.waitForJob(jobId, waitMs);
    return this.currentJobStatus(caller, jobId);
  }

  private async currentJobStatus(caller: Caller | null, jobId: string): Promise<ImportJobStatus> {
    // Anonymous callers get 401 before any lookup, so the answer says nothing about which ids exist.
    if (caller === null) {
      throw identityError(
        'UNAUTHENTICATED',
        'Sign in, or send a project API token as "Authorization: Bearer chorus_…".',
      );
    }
    const upload = await this.dataSource
      .getRepository(ImportUploadEntity)
      .findOne({ select: STATUS_COLUMNS, where: { id: jobId }, relations: { project: true } });
    if (upload === null || upload.project === undefined) {
      throw catalogueError('JOB_NOT_FOUND', `No import job ${jobId}.`);
    }
    const source = upload.locale === upload.project.sourceLocale;
    await this.access.requireProjectFor(
      caller,
      upload.project.slug,
      source ? 'catalogue.import' : 'translations.import',
      source ? undefined : upload.locale,
    );
    if (upload.result !== null) {
      return {
        id: jobId,
        state: 'completed',
        progress: 100,
        result: upload.result as unknown as ImportResult,
      };
    }
    const queued = await this.producer.status(jobId);
    // The worker stores a refusal before it fails the job: a job that failed since the read above
    // may have left its error after it.
    const error =
      upload.error ?? (queued?.state === 'failed' ? await this.storedError(jobId) : null);
    if (error !== null && queued?.state !== 'active' && queued?.state !== 'waiting') {
      return { id: jobId, state: 'failed', progress: queued?.progress ?? 0, error };
    }
    if (queued === null || queued.state === 'failed') {
      return {
        id: jobId,
        state: 'failed',
        progress: queued?.progress ?? 0,
        error: {
          code: 'INTERNAL_SERVER_ERROR',
          message: 'The import failed in the worker; it has been logged. Upload the file again.',
        },
      };
    }
    return {
      id: jobId,
      state: queued.state === 'completed' ? 'active' : queued.state,
      progress: queued.progress,
    };
  }

  private async storedError(uploadId: string): Promise<ImportUploadEntity['error']> {
    const row = await this.dataSource
      .getRepository(ImportUploadEntity)
      .findOne({ select: { id: true, error: true }, where: { id: uploadId } });
    return row?.error ?? null;
  }
}
