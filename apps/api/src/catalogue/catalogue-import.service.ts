import type { JsonFormat, KeySeparator } from '@chorus/translation-core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { commonError } from '../common/errors/common.errors';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { BundleRebuildProducer } from '../delivery/bundle-rebuild.producer';
import { AccessService, type Caller } from '../identity/access.service';
import { ApiTokenService } from '../identity/api-token.service';
import { catalogueError } from './catalogue.errors';
import { CatalogueImportApplier, type Applied, type Prepared } from './catalogue-import.applier';
import { CatalogueImportProducer } from './catalogue-import.producer';
import { parseImportFile } from './import-file.parse';
import type { ImportKind, ImportResult } from './import-result';
import { ImportUploadEntity } from './import-upload.entity';
import { canonicalLocale, targetLocale } from './locale-code';
import { NamespaceEntity } from './namespace.entity';
import type { ProjectEntity } from './project.entity';

/**
 * Bytes per allowed synchronous unit beyond which a file is queued unparsed: a unit of an i18next
 * file takes 40–100 bytes, so such a file is nearly always over IMPORT_ASYNC_UNITS anyway, and the
 * API no longer parses megabytes only to find that out (the worker parses it again).
 */
export const ASYNC_BYTES_PER_UNIT = 64;

export const NAMESPACE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface ImportOptions {
  /** Run as a background job whatever the size. */
  readonly async: boolean;
  /** Override the namespace's key style ('.' nested, false flat); see resolveKeySeparator. */
  readonly keySeparator?: KeySeparator;
  /** i18next JSON version of the file; detected from its keys when absent (docs/api.md). */
  readonly jsonFormat?: JsonFormat;
}

export type ImportOutcome =
  | { readonly kind: 'done'; readonly result: ImportResult }
  | { readonly kind: 'queued'; readonly jobId: string };

/**
 * Catalogue import (DESIGN §4, DOMAIN C4): i18next JSON parsed by translation-core, written in ONE
 * transaction with bulk SQL; files with many units run as a BullMQ job. A malformed file is refused
 * with its line and key before anything is written.
 */
@Injectable()
export class CatalogueImportService {
  private readonly logger = new Logger(CatalogueImportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly tokens: ApiTokenService,
    private readonly applier: CatalogueImportApplier,
    private readonly producer: CatalogueImportProducer,
    private readonly rebuilds: BundleRebuildProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async importFile(
    caller: Caller | null,
    slug: string,
    namespace: string,
    localeInput: string | undefined,
    text: string,
    options: ImportOptions,
    now: Date,
  ): Promise<ImportOutcome> {
    const prepared = await this.prepare(caller, slug, namespace, localeInput, options);
    if (options.async || this.queuedBySize(text)) {
      // Queued unparsed whatever it holds, for a new namespace too (the worker decides its key
      // style): parsing megabytes here blocked the API's event loop for seconds (issue 14). The
      // worker's parse is the only one; a malformed file fails the job with the same
      // INVALID_CATALOGUE error (line and key) the API would have answered.
      return { kind: 'queued', jobId: await this.enqueue(prepared, text) };
    }
    // Small enough that parsing here costs little; it may still hold more units than a request
    // should write.
    const parsed = parseImportFile(prepared, this.config.importMaxBytes, text);
    if (parsed.catalogue.units.length > this.config.importAsyncUnits) {
      const separator = parsed.catalogue.keySeparator;
      return { kind: 'queued', jobId: await this.enqueue({ ...prepared, separator }, text) };
    }
    const applied = await this.dataSource.transaction((manager) =>
      this.applier.apply(manager, prepared, parsed, now),
    );
    if (applied.changesBundles) await this.afterCommit(prepared);
    return { kind: 'done', result: applied.result };
  }

  /** The worker's half of a queued import; a finished upload answers with its stored result. */
  async runQueued(
    uploadId: string,
    progress: (percent: number) => Promise<void>,
    now: Date,
  ): Promise<ImportResult> {
    const upload = await this.dataSource
      .getRepository(ImportUploadEntity)
      .findOne({ where: { id: uploadId } });
    if (upload === null) throw catalogueError('JOB_NOT_FOUND', `No upload ${uploadId}.`);
    if (upload.result !== null) return upload.result as unknown as ImportResult;
    const project = await this.dataSource
      .getRepository<ProjectEntity>('ProjectEntity')
      .findOneByOrFail({ id: upload.projectId });
    const prepared: Prepared = {
      project,
      namespace: upload.namespace,
      locale: upload.locale,
      kind: upload.locale === project.sourceLocale ? 'source' : 'translations',
      separator: upload.nestedKeys === null ? 'auto' : upload.nestedKeys ? '.' : false,
      jsonFormat: jsonFormatOf(upload.jsonFormat),
      authorId: upload.authorId,
      tokenId: upload.tokenId,
      mayAddLocale: true,
    };
    try {
      await progress(10);
      const parsed = parseImportFile(prepared, this.config.importMaxBytes, upload.body);
      await progress(30);
      const applied = await this.dataSource.transaction(async (manager): Promise<Applied> => {
        const locked = await manager.findOne(ImportUploadEntity, {
          select: { id: true, result: true },
          where: { id: uploadId },
          lock: { mode: 'pessimistic_write' },
        });
        if (locked?.result != null) {
          // Applied by another run, which requested its rebuild; asking again is harmless.
          const stored = locked.result as unknown as ImportResult;
          return { result: stored, changesBundles: changesBundles(stored) };
        }
        const fresh = await this.applier.apply(manager, prepared, parsed, now);
        await manager.query(
          `UPDATE import_upload SET body = '', result = $2::jsonb, error = NULL WHERE id = $1`,
          [uploadId, JSON.stringify(fresh.result)],
        );
        return fresh;
      });
      await progress(100);
      if (applied.changesBundles) await this.afterCommit(prepared);
      return applied.result;
    } catch (error) {
      if (error instanceof AppError) {
        await this.dataSource
          .getRepository(ImportUploadEntity)
          .update({ id: uploadId }, { error: { code: error.code, message: error.message } });
      }
      throw error;
    }
  }

  private async prepare(
    caller: Caller | null,
    slug: string,
    namespace: string,
    localeInput: string | undefined,
    options: ImportOptions,
  ): Promise<Prepared> {
    if (!NAMESPACE_PATTERN.test(namespace)) {
      throw commonError(
        'BAD_USER_INPUT',
        `"${namespace}" is not a namespace name: use letters, digits, ".", "_" or "-" (up to 64).`,
      );
    }
    const requested = localeInput === undefined ? undefined : canonicalLocale(localeInput);
    if (requested === null) {
      throw catalogueError('UNKNOWN_LOCALE', `"${localeInput}" is not a BCP 47 locale code.`);
    }
    // Which action applies depends on the project's source locale, so look it up first; the
    // authorising call below answers PROJECT_NOT_FOUND/FORBIDDEN without revealing anything else.
    const found = await this.dataSource
      .getRepository<ProjectEntity>('ProjectEntity')
      .findOne({ where: { slug } });
    const sourceLocale = found?.sourceLocale ?? '';
    const locale = requested ?? sourceLocale;
    const kind: ImportKind = locale === sourceLocale ? 'source' : 'translations';
    const project = await this.access.requireProjectFor(
      caller,
      slug,
      kind === 'source' ? 'catalogue.import' : 'translations.import',
      kind === 'source' ? undefined : locale,
    );
    if (kind === 'translations') {
      const checked = targetLocale(locale);
      if (!checked.ok) throw catalogueError('UNKNOWN_LOCALE', checked.message);
    }
    const authorId = await this.authorOf(caller, project.id);
    const mayAddLocale =
      caller !== null &&
      ('token' in caller || (await this.access.can(caller.userId, project, 'locale.add')));
    const existing = await this.dataSource
      .getRepository(NamespaceEntity)
      .findOne({ where: { projectId: project.id, name: namespace } });
    if (existing === null && kind === 'translations') {
      throw catalogueError(
        'NAMESPACE_NOT_FOUND',
        `Namespace "${namespace}" has no source catalogue yet. Import the ${project.sourceLocale} file first.`,
      );
    }
    return {
      project,
      namespace,
      locale,
      kind,
      separator:
        options.keySeparator ?? (existing === null ? 'auto' : existing.nestedKeys ? '.' : false),
      jsonFormat: options.jsonFormat ?? 'auto',
      authorId,
      tokenId: caller !== null && 'token' in caller ? caller.token.tokenId : null,
      mayAddLocale,
    };
  }

  /** Imported candidates need an author: the user, or for an API token the user who created it. */
  private async authorOf(caller: Caller | null, projectId: string): Promise<string> {
    if (caller === null) throw new Error('authorOf without a caller');
    if ('userId' in caller) return caller.userId;
    const creator = await this.tokens.creatorOf(caller.token.tokenId);
    if (creator !== null) return creator;
    const owner: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM membership WHERE project_id = $1 AND role = 'owner'
       ORDER BY created_at, id LIMIT 1`,
      [projectId],
    );
    const ownerId = owner[0]?.user_id;
    if (ownerId === undefined) throw new Error(`project ${projectId} has no owner`);
    return ownerId;
  }

  /** A file over IMPORT_ASYNC_UNITS × ASYNC_BYTES_PER_UNIT bytes is queued before it is parsed. */
  private queuedBySize(text: string): boolean {
    const limit = this.config.importAsyncUnits * ASYNC_BYTES_PER_UNIT;
    return text.length > limit || Buffer.byteLength(text, 'utf8') > limit;
  }

  private async enqueue(prepared: Prepared, text: string): Promise<string> {
    const contentHash = createHash('sha256').update(text, 'utf8').digest('hex');
    const id = `import-${createHash('sha256')
      .update(
        [
          prepared.project.id,
          prepared.namespace,
          prepared.locale,
          String(prepared.separator),
          prepared.jsonFormat,
          contentHash,
        ].join('\n'),
      )
      .digest('hex')
      .slice(0, 40)}`;
    await this.dataSource.query(
      `INSERT INTO import_upload (id, project_id, namespace, locale, nested_keys, author_id, token_id, body,
         json_format)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, author_id = EXCLUDED.author_id,
         token_id = EXCLUDED.token_id, result = NULL, error = NULL, created_at = now()`,
      [
        id,
        prepared.project.id,
        prepared.namespace,
        prepared.locale,
        prepared.separator === 'auto' ? null : prepared.separator === '.',
        prepared.authorId,
        prepared.tokenId,
        text,
        prepared.jsonFormat === 'auto' ? null : prepared.jsonFormat,
      ],
    );
    await this.producer.enqueueImport(id);
    return id;
  }

  /** A source file can change every bundle; a translations file only its own locale's. */
  private async afterCommit(prepared: Prepared): Promise<void> {
    try {
      await this.rebuilds.requestRebuild(
        prepared.project.id,
        prepared.kind === 'source' ? undefined : [prepared.locale],
      );
    } catch (error) {
      // The import is committed. A missed request is caught up by the next request that covers the
      // same locale (any source import covers all); a lost source request waits for the next one.
      this.logger.warn(`bundle rebuild request failed: ${String(error)}`);
    }
  }
}

/**
 * Bundles hold source strings and decided winners. A translations import changes them only when it
 * decided units (imported > 0), as a vote requests a rebuild only when it decides. From a stored
 * result alone a source import may have changed rows (positions, paths) the counts do not show, so
 * it counts as a change; a fresh source import knows whether it wrote (CatalogueImportApplier).
 */
export function changesBundles(result: ImportResult): boolean {
  return result.kind === 'source' || result.imported > 0;
}

/** The stored format of a queued upload: null when the caller left it to detection. */
function jsonFormatOf(stored: string | null): JsonFormat | 'auto' {
  return stored === 'v3' || stored === 'v4' ? stored : 'auto';
}
