import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../identity/access.service';
import { RequireTokenScope, type TokenRequest } from '../identity/project-token.guard';
import { catalogueError } from './catalogue.errors';
import { CatalogueImportService, type ImportJobStatus } from './catalogue-import.service';
import type { ImportResult } from './import-result';

function callerOf(req: TokenRequest): Caller | null {
  if (req.token !== undefined && req.token !== null) return { token: req.token };
  if (req.principal !== undefined && req.principal !== null)
    return { userId: req.principal.userId };
  return null;
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
  constructor(private readonly imports: CatalogueImportService) {}

  @Post('projects/:slug/catalogues/:namespace')
  @RequireTokenScope('push')
  @HttpCode(200)
  async importCatalogue(
    @Param('slug') slug: string,
    @Param('namespace') namespace: string,
    @Query('locale') locale: string | undefined,
    @Query('async') asyncFlag: string | undefined,
    @Query('keySeparator') keySeparator: string | undefined,
    @Req() req: TokenRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResult | { jobId: string }> {
    if (typeof req.body !== 'string' || req.body.trim() === '') {
      throw catalogueError('INVALID_UPLOAD', 'Send the catalogue file (i18next JSON) as the body.');
    }
    const separator = keySeparatorOf(keySeparator);
    const outcome = await this.imports.importFile(
      callerOf(req),
      slug,
      namespace,
      locale === '' ? undefined : locale,
      req.body,
      {
        async: asyncFlag === '1' || asyncFlag === 'true',
        ...(separator === undefined ? {} : { keySeparator: separator }),
      },
      new Date(),
    );
    if (outcome.kind === 'queued') {
      res.status(202);
      return { jobId: outcome.jobId };
    }
    return outcome.result;
  }

  @Get('jobs/:jobId')
  @RequireTokenScope('push')
  async job(
    @Param('jobId') jobId: string,
    @Req() req: TokenRequest,
  ): Promise<Omit<ImportJobStatus, 'id'>> {
    const { id: _id, ...status } = await this.imports.jobStatus(callerOf(req), jobId);
    return status;
  }
}
