import type { NestExpressApplication } from '@nestjs/platform-express';
import { raw, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { uploadPreauth } from '../catalogue/upload/upload-preauth.middleware';
import type { AppConfig } from '../config/env.schema';
import { BearerAuthService } from '../identity/bearer-auth.service';
import { SessionService } from '../identity/session.service';
import { MAX_REGIONS_JSON_BYTES } from './regions';

export const SCREENSHOT_UPLOAD_PATH = '/api/projects/:slug/screenshots';

/** Multipart overhead beyond the image and the regions' JSON (boundaries, part headers). */
const MULTIPART_SLACK = 16 * 1024;

/**
 * Reads a screenshot upload (multipart/form-data: `image` and `regions`) as raw bytes, up to the
 * image limit plus the regions' limit; larger bodies are a 413 before they are buffered further.
 * Errors use the REST shape, since they happen before Nest's filters.
 */
export function screenshotBodyMiddleware(maxImageBytes: number): RequestHandler {
  const limit = maxImageBytes + MAX_REGIONS_JSON_BYTES + MULTIPART_SLACK;
  const parse = raw({ type: () => true, limit });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    parse(req, res, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      const status =
        typeof error === 'object' && 'status' in error && typeof error.status === 'number'
          ? error.status
          : 400;
      res.setHeader('Connection', 'close');
      if (status === 413) {
        res.status(413).json({
          error: {
            code: 'SCREENSHOT_TOO_LARGE',
            message: `The screenshot exceeds ${Math.floor(maxImageBytes / 1024)} KB.`,
          },
        });
        return;
      }
      res.status(400).json({
        error: { code: 'INVALID_IMAGE', message: 'The upload could not be read.' },
      });
    });
  };
}

/** Before the app-wide JSON parser: authenticate from the headers, then read the body. */
export function registerScreenshotParsers(app: NestExpressApplication, config: AppConfig): void {
  const auth = { sessions: app.get(SessionService), bearer: app.get(BearerAuthService) };
  app.use(SCREENSHOT_UPLOAD_PATH, uploadPreauth(auth, 'rest'));
  app.use(SCREENSHOT_UPLOAD_PATH, screenshotBodyMiddleware(config.screenshotMaxBytes));
}
