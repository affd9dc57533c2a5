import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response as ExpressResponse } from 'express';
import type { ChorusRequest } from '../common/auth/request-context';
import { Public } from '../common/auth/public.decorator';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { identityError } from '../identity/identity.errors';
import { ScreenshotService, type StoredScreenshot } from './screenshot.service';
import { screenshotError } from './screenshot.errors';

interface MultipartParts {
  readonly image: Blob;
  readonly regions: string;
}

/** `image` (a file part) and `regions` (JSON text) from a multipart/form-data body. */
async function partsOf(req: ChorusRequest): Promise<MultipartParts> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data') || !Buffer.isBuffer(req.body)) {
    throw screenshotError(
      'INVALID_IMAGE',
      'Send multipart/form-data with an "image" file (PNG, JPEG or WebP) and "regions" (JSON).',
    );
  }
  let form: FormData;
  try {
    form = await new Response(req.body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw screenshotError('INVALID_IMAGE', 'The multipart body could not be read.');
  }
  const image = form.get('image');
  const regions = form.get('regions');
  if (!(image instanceof Blob)) {
    throw screenshotError('INVALID_IMAGE', 'The upload has no "image" file part.');
  }
  if (typeof regions !== 'string') {
    throw screenshotError('INVALID_REGIONS', 'The upload has no "regions" field (JSON array).');
  }
  return { image, regions };
}

/** Screenshots with key regions from the in-context package, and their images. */
@Controller('api')
export class ScreenshotController {
  constructor(
    private readonly screenshots: ScreenshotService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('projects/:slug/screenshots')
  @RateLimited('screenshots')
  @HttpCode(201)
  async upload(@Param('slug') slug: string, @Req() req: ChorusRequest): Promise<StoredScreenshot> {
    const userId = req.principal?.userId;
    if (userId === undefined) {
      throw identityError('UNAUTHENTICATED', 'Sign in to Chorus to upload screenshots.');
    }
    const parts = await partsOf(req);
    return this.screenshots.upload(
      userId,
      slug,
      {
        image: Buffer.from(await parts.image.arrayBuffer()),
        claimedType: parts.image.type,
        regionsJson: parts.regions,
      },
      this.config.screenshotMaxBytes,
    );
  }

  @Get('screenshots/:id')
  @Public()
  async image(
    @Param('id') id: string,
    @Req() req: ChorusRequest,
    @Res() res: ExpressResponse,
  ): Promise<void> {
    const shot = await this.screenshots.read(id, req.principal?.userId ?? null);
    res.setHeader('Content-Type', shot.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('Content-Disposition', 'inline');
    res.end(shot.image);
  }
}
