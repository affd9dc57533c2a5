import {
  buildSourceUnits,
  parseI18nextJson,
  type CatalogueUnit,
  type JsonFormat,
  type KeySeparator,
  type ParsedCatalogue,
} from '@chorus/translation-core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError, type JsonValue } from '../common/errors/app-error';
import { commonError } from '../common/errors/common.errors';
import { nativeSha256Hex } from '../common/native-sha256';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { BundleRebuildProducer } from '../delivery/bundle-rebuild.producer';
import { AccessService, type Caller } from '../identity/access.service';
import { ApiTokenService } from '../identity/api-token.service';
import { identityError } from '../identity/identity.errors';
import { catalogueError } from './catalogue.errors';
import { CatalogueImportProducer, type ImportJobState } from './catalogue-import.producer';
import {
  allWarnings,
  type ImportKind,
  type ImportResult,
  type ImportWarning,
} from './import-result';
import { ImportUploadEntity } from './import-upload.entity';
import { canonicalLocale, targetLocale } from './locale-code';
import { LocaleService } from './locale.service';
import { NamespaceEntity } from './namespace.entity';
import type { ProjectEntity } from './project.entity';
import { writeSourceStrings } from './source-import.writer';
import { writeImportedTranslations } from './translation-import.writer';
import { votingParamsOf } from './voting-settings';

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

/** An import's result, and whether it wrote anything a bundle shows (source strings, winners). */
interface Applied {
  readonly result: ImportResult;
  readonly changesBundles: boolean;
}

interface Prepared {
  readonly project: ProjectEntity;
  readonly namespace: string;
  readonly locale: string;
  readonly kind: ImportKind;
  /** 'auto': a new namespace; the file decides (see looksNested). */
  readonly separator: KeySeparator | 'auto';
  /** 'auto': not given; translation-core detects v3 (`_plural` beside its base key, no `_other`). */
  readonly jsonFormat: JsonFormat | 'auto';
  readonly authorId: string;
  readonly tokenId: string | null;
  readonly mayAddLocale: boolean;
}

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
    private readonly locales: LocaleService,
    private readonly audit: AuditService,
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
    const parsed = this.parse(prepared, text);
    if (parsed.catalogue.units.length > this.config.importAsyncUnits) {
      const separator = parsed.catalogue.keySeparator;
      return { kind: 'queued', jobId: await this.enqueue({ ...prepared, separator }, text) };
    }
    const applied = await this.dataSource.transaction((manager) =>
      this.apply(manager, prepared, parsed, now),
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
      const parsed = this.parse(prepared, upload.body);
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
        const fresh = await this.apply(manager, prepared, parsed, now);
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

  /** Parses strictly; 'auto' (a new namespace) picks nested keys when the file nests objects. */
  private parse(prepared: Prepared, text: string): ParsedCatalogue {
    const limits = { maxBytes: this.config.importMaxBytes };
    const run = (keySeparator: KeySeparator) =>
      parseI18nextJson(text, {
        locale: prepared.locale,
        namespace: prepared.namespace,
        keySeparator,
        jsonFormat: prepared.jsonFormat,
        limits,
      });
    let result = run(prepared.separator === 'auto' ? false : prepared.separator);
    if (prepared.separator === 'auto' && result.ok && looksNested(result.value.catalogue.units)) {
      result = run('.');
    }
    if (!result.ok) {
      const errors: JsonValue[] = result.errors.map((e) => ({
        code: e.code,
        message: e.message,
        key: e.key,
        line: e.line,
        column: e.column,
      }));
      const shown = result.errors.slice(0, 3).map((e) => e.message);
      const more = result.errors.length > 3 ? ` (and ${result.errors.length - 3} more)` : '';
      throw catalogueError(
        'INVALID_CATALOGUE',
        `${prepared.namespace} (${prepared.locale}) was not imported: ${shown.join(' ')}${more}`,
        { errors },
      );
    }
    return result.value;
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

  private async apply(
    manager: EntityManager,
    prepared: Prepared,
    parsed: ParsedCatalogue,
    now: Date,
  ): Promise<Applied> {
    const { project } = prepared;
    const nestedKeys = parsed.catalogue.keySeparator === '.';
    const parseWarnings: ImportWarning[] = parsed.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      key: w.key,
      line: w.line,
    }));
    await manager.query(
      `INSERT INTO namespace (project_id, name, nested_keys) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, name) DO NOTHING`,
      [project.id, prepared.namespace, nestedKeys],
    );
    // A source import has the namespace to itself; translations share it (see lockedLocaleId).
    const namespace = await manager.findOneOrFail(NamespaceEntity, {
      where: { projectId: project.id, name: prepared.namespace },
      lock: { mode: prepared.kind === 'source' ? 'pessimistic_write' : 'pessimistic_read' },
    });
    let result: ImportResult;
    let touched: boolean;
    if (prepared.kind === 'source') {
      const restyled = namespace.nestedKeys !== nestedKeys;
      if (restyled) await manager.update(NamespaceEntity, { id: namespace.id }, { nestedKeys });
      const units = buildSourceUnits(parsed.catalogue, nativeSha256Hex);
      const { touched: written, ...counts } = await writeSourceStrings(
        manager,
        { projectId: project.id, namespaceId: namespace.id },
        units,
        now,
      );
      touched = written || restyled;
      result = {
        namespace: prepared.namespace,
        locale: prepared.locale,
        kind: 'source',
        ...counts,
        imported: units.length,
        skipped: 0,
        ...allWarnings(parseWarnings),
        jsonFormat: parsed.jsonFormat,
      };
    } else {
      const localeId = await this.lockedLocaleId(manager, prepared);
      const counts = await writeImportedTranslations(
        manager,
        {
          projectId: project.id,
          namespaceId: namespace.id,
          localeId,
          locale: prepared.locale,
          sourceLocale: project.sourceLocale,
          authorId: prepared.authorId,
          params: votingParamsOf(project.settings),
        },
        parsed.catalogue.units as readonly CatalogueUnit[],
        now,
      );
      result = {
        namespace: prepared.namespace,
        locale: prepared.locale,
        kind: 'translations',
        added: counts.added,
        changed: counts.changed,
        removed: 0,
        unchanged: counts.unchanged,
        imported: counts.imported,
        skipped: counts.skipped,
        ...allWarnings([...parseWarnings, ...counts.warnings]),
        jsonFormat: parsed.jsonFormat,
      };
      touched = counts.imported > 0;
    }
    await this.audit.record(
      {
        actorId: prepared.authorId,
        projectId: project.id,
        type: 'catalogue.imported',
        payload: {
          namespace: result.namespace,
          locale: result.locale,
          kind: result.kind,
          added: result.added,
          changed: result.changed,
          removed: result.removed,
          unchanged: result.unchanged,
          imported: result.imported,
          skipped: result.skipped,
          tokenId: prepared.tokenId,
        },
      },
      manager,
    );
    return { result, changesBundles: touched };
  }

  /**
   * The target locale's id, its row locked for the rest of the import: translations files of
   * different locales are imported side by side (they write disjoint units), two of one locale one
   * after the other. A caller who may add locales (or a push token) adds it on the way; when a
   * concurrent import adds it first, this one waits for that to commit and takes its row.
   */
  private async lockedLocaleId(manager: EntityManager, prepared: Prepared): Promise<string> {
    const lock = async (): Promise<string | undefined> => {
      const rows: { id: string }[] = await manager.query(
        // NO KEY UPDATE: it excludes another import of the locale but not the foreign-key checks
        // (KEY SHARE) of volunteers creating units of this locale meanwhile.
        'SELECT id FROM locale WHERE project_id = $1 AND code = $2 FOR NO KEY UPDATE',
        [prepared.project.id, prepared.locale],
      );
      return rows[0]?.id;
    };
    const found = await lock();
    if (found !== undefined) return found;
    if (!prepared.mayAddLocale) {
      throw catalogueError(
        'UNKNOWN_LOCALE',
        `"${prepared.project.slug}" does not translate into ${prepared.locale}. Ask an owner or developer to add the locale.`,
      );
    }
    try {
      const added = await this.locales.insertLocale(manager, prepared.project, prepared.locale);
      // Inserted by this transaction: no other can lock it before the commit.
      return added.id;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'LOCALE_EXISTS') throw error;
      const raced = await lock();
      if (raced === undefined) throw error;
      return raced;
    }
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
 * it counts as a change; a fresh source import knows whether it wrote (see apply).
 */
export function changesBundles(result: ImportResult): boolean {
  return result.kind === 'source' || result.imported > 0;
}

/** The stored format of a queued upload: null when the caller left it to detection. */
function jsonFormatOf(stored: string | null): JsonFormat | 'auto' {
  return stored === 'v3' || stored === 'v4' ? stored : 'auto';
}

/** A file whose units sit under nested objects (and whose top-level names hold no ".") is nested. */
function looksNested(units: readonly CatalogueUnit[]): boolean {
  let nested = false;
  for (const unit of units) {
    const first = unit.path[0];
    if (typeof first === 'string' && first.includes('.')) return false;
    if (unit.path.length > 1 && typeof unit.path[1] === 'string') nested = true;
  }
  return nested;
}
