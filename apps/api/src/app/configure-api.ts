import type { INestApplication } from '@nestjs/common';
import { ClassValidationPipe } from '../common/validation/class-validation.pipe';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { registerUploadParsers } from '../catalogue/upload/register-upload-parsers';
import { csrfProtection } from '../common/auth/csrf';
import { registerScreenshotParsers } from '../screenshot/screenshot-body.middleware';
import { HttpErrorFilter } from '../common/errors/http-exception.filter';
import { requestSizeErrors } from '../common/graphql-limits/request-size-errors.middleware';
import type { AppConfig } from '../config/env.schema';
import { securityHeaders } from './security-headers';
import { serveExample, serveWeb } from '../web/serve-web';

/** Request-level settings shared by main.ts and the integration tests. */
export function configureApi(app: INestApplication, config: AppConfig): { servesWeb: boolean } {
  const express = app as NestExpressApplication;
  express.set('trust proxy', 'loopback');
  express.disable('x-powered-by');
  express.use(securityHeaders());
  // Before any body is read: cookie-authenticated writes must be same-origin and non-simple.
  express.use(csrfProtection(config.corsOrigins));
  registerUploadParsers(express, config);
  registerScreenshotParsers(express, config);
  express.useBodyParser('json', { limit: '2mb' });
  express.use(requestSizeErrors);
  app.useGlobalPipes(
    new ClassValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  if (config.corsOrigins.length > 0)
    app.enableCors({ origin: [...config.corsOrigins], credentials: true });
  app.enableShutdownHooks();
  // The example shop first: the web client's page fallback must not answer for /example/.
  if (config.exampleDist !== null) serveExample(app, config.exampleDist);
  return { servesWeb: config.webDist !== null && serveWeb(app, config.webDist) };
}
