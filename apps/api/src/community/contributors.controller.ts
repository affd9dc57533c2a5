import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ChorusRequest } from '../common/auth/request-context';
import { commonError } from '../common/errors/common.errors';
import { ContributorsService } from './contributors.service';
import { formatCredits, type CreditsFormat } from './credits-format';

const CONTENT_TYPES: Readonly<Record<CreditsFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
};

/**
 * Contributor credits for release notes (owners): `GET /api/projects/:project/contributors.csv` or
 * `.md`, optionally `?locale=de` for one locale.
 */
@Controller('api/projects')
export class ContributorsController {
  constructor(private readonly contributors: ContributorsService) {}

  // Two literal routes, not `:project/:file`: a catch-all there shadowed every later
  // /api/projects/:slug/<name> route of other modules (the source-issues list, for one).
  @Get(':project/contributors.csv')
  async exportCsv(
    @Param('project') project: string,
    @Query('locale') locale: unknown,
    @Req() req: ChorusRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.export('csv', project, locale, req, res);
  }

  @Get(':project/contributors.md')
  async exportMarkdown(
    @Param('project') project: string,
    @Query('locale') locale: unknown,
    @Req() req: ChorusRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.export('markdown', project, locale, req, res);
  }

  private async export(
    format: CreditsFormat,
    project: string,
    locale: unknown,
    req: ChorusRequest,
    res: Response,
  ): Promise<void> {
    const file = format === 'csv' ? 'contributors.csv' : 'contributors.md';
    if (locale !== undefined && (typeof locale !== 'string' || locale.length > 35)) {
      throw commonError('BAD_USER_INPUT', 'locale must be one locale code, e.g. ?locale=de.');
    }
    // The global AuthGuard has refused anonymous callers already.
    const userId = req.principal?.userId;
    if (userId === undefined) throw commonError('UNAUTHENTICATED', 'Sign in to export credits.');
    const result = await this.contributors.forExport(userId, project, locale ?? null);
    const title = `${result.project.name}${result.locale === null ? '' : ` (${result.locale})`}: contributors`;
    const name = `${result.project.slug}${result.locale === null ? '' : `-${result.locale}`}-${file}`;
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(formatCredits(format, title, result.contributors));
  }
}
