import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../identity/access.service';
import { RequireTokenScope, type TokenRequest } from '../identity/project-token.guard';
import { catalogueError } from './catalogue.errors';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { CatalogueImportService } from './catalogue-import.service';
import { ImportJobStatusService, type ImportJobStatus } from './import-job-status.service';
import { capWarnings, type ImportResult } from './import-result';

function callerOf(req: TokenRequest): Caller | null {
  if (req.token !== undefined && req.token !== null) return { token: req.token };
  if (req.principal !== undefined && req.principal !== null)
    return { userId: req.principal.userId };
  return null;
}

/** The import endpoint's query parameters; any other name is refused, never ignored. */
const IMPORT_PARAMETERS = ['locale', 'async', 'keySeparator', 'format', 'warnings'] as const;
type ImportParameter = (typeof IMPORT_PARAMETERS)[number];

/**
 * Reads the query strictly: an unknown name (`?jsonFormat=v3`), or a name given twice, is a 400
 * UNKNOWN_PARAMETER rather than a silently different import.
 */
export function importQuery(query: unknown): Partial<Record<ImportParameter, string>> {
  const out: Partial<Record<ImportParameter, string>> = {};
  const entries = query !== null && typeof query === 'object' ? Object.entries(query) : [];
  for (const [name, value] of entries) {
    const known = IMPORT_PARAMETERS.find((p) => p === name);
    if (known === undefined) {
      const hint = name === 'jsonFormat' ? ' Use format=v3 or format=v4.' : '';
      throw catalogueError(
        'UNKNOWN_PARAMETER',
        `Unknown query parameter "${name.slice(0, 64)}": the import takes ${IMPORT_PARAMETERS.join(', ')}.${hint}`,
      );
    }
    if (typeof value !== 'string') {
      throw catalogueError('UNKNOWN_PARAMETER', `Give the query parameter "${name}" once.`);
    }
    out[known] = value;
  }
  return out;
}

/** v3 or v4; absent (or "auto") leaves it to detection. */
export function jsonFormatOf(value: string | undefined): 'v3' | 'v4' | undefined {
  if (value === undefined || value === '' || value === 'auto') return undefined;
  if (value === 'v3' || value === 'v4') return value;
  throw catalogueError(
    'INVALID_UPLOAD',
    'format must be "v3" (`_plural` suffixes), "v4" (CLDR suffixes such as `_one`/`_other`) or "auto".',
  );
}

/** `warnings=all`: every warning instead of the first MAX_WARNINGS (the CLI's --report). */
export function allWarningsWanted(value: string | undefined): boolean {
  if (value === undefined || value === 'first') return false;
  if (value === 'all') return true;
  throw catalogueError('INVALID_UPLOAD', 'warnings must be "all" or "first" (the first 200).');
}

/** The longest `?wait=` of GET /api/jobs/:id, in seconds: well below common proxy timeouts. */
export const MAX_JOB_WAIT_SECONDS = 10;

/** `wait=<seconds>` (decimals allowed, at most MAX_JOB_WAIT_SECONDS) in ms; absent: 0. */
export function jobWaitMs(value: unknown): number {
  if (value === undefined) return 0;
  const seconds =
    typeof value === 'string' && /^\d{1,3}(\.\d{1,3})?$/.test(value) ? Number(value) : NaN;
  if (!(seconds <= MAX_JOB_WAIT_SECONDS)) {
    throw catalogueError(
      'INVALID_UPLOAD',
      `wait must be a number of seconds from 0 to ${MAX_JOB_WAIT_SECONDS} (given once).`,
    );
  }
  return Math.round(seconds * 1000);
}

function keySeparatorOf(value: string | undefined): '.' | false | undefined {
  if (value === undefined) return undefined;
  if (value === '.') return '.';
  if (value === 'false' || value === '') return false;
  throw catalogueError(
    'INVALID_UPLOAD',
    'keySeparator must be "." (nested keys) or "false" (flat).',
  );
}

/** The CLI's door (`chorus push`): a project API token with `push`, or a member's session. */
@Controller('api')
export class CatalogueImportController {
  constructor(
    private readonly imports: CatalogueImportService,
    private readonly jobs: ImportJobStatusService,
  ) {}

  // A member's session counts against RATE_LIMIT_WRITES as the importCatalogue mutation does; a
  // push token against RATE_LIMIT_TOKEN_REQUESTS (BearerAuthService), so the CLI is not counted twice.
  @Post('projects/:slug/catalogues/:namespace')
  @RequireTokenScope('push')
  @RateLimited('writes')
  @HttpCode(200)
  async importCatalogue(
    @Param('slug') slug: string,
    @Param('namespace') namespace: string,
    @Query() rawQuery: unknown,
    @Req() req: TokenRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResult | { jobId: string }> {
    if (typeof req.body !== 'string' || req.body.trim() === '') {
      throw catalogueError('INVALID_UPLOAD', 'Send the catalogue file (i18next JSON) as the body.');
    }
    const query = importQuery(rawQuery);
    const { locale, async: asyncFlag } = query;
    const separator = keySeparatorOf(query.keySeparator);
    const jsonFormat = jsonFormatOf(query.format);
    const everyWarning = allWarningsWanted(query.warnings);
    const outcome = await this.imports.importFile(
      callerOf(req),
      slug,
      namespace,
      locale === '' ? undefined : locale,
      req.body,
      {
        async: asyncFlag === '1' || asyncFlag === 'true',
        ...(separator === undefined ? {} : { keySeparator: separator }),
        ...(jsonFormat === undefined ? {} : { jsonFormat }),
      },
      new Date(),
    );
    if (outcome.kind === 'queued') {
      res.status(202);
      return { jobId: outcome.jobId };
    }
    return everyWarning ? outcome.result : capWarnings(outcome.result);
  }

  // As importJob: the read budget, per user (per IP for a push token, which also counts against
  // RATE_LIMIT_TOKEN_REQUESTS).
  @Get('jobs/:jobId')
  @RequireTokenScope('push')
  @RateLimited('reads')
  async job(
    @Param('jobId') jobId: string,
    @Query('warnings') warnings: unknown,
    @Query('wait') wait: unknown,
    @Req() req: TokenRequest,
  ): Promise<Omit<ImportJobStatus, 'id'>> {
    const everyWarning = allWarningsWanted(typeof warnings === 'string' ? warnings : undefined);
    const waitMs = jobWaitMs(wait);
    const { id: _id, ...status } = await this.jobs.jobStatus(callerOf(req), jobId, waitMs);
    if (status.result === undefined || everyWarning) return status;
    return { ...status, result: capWarnings(status.result) };
  }
}
