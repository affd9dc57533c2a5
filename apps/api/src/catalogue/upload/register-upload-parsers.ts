import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/env.schema';
import { BearerAuthService } from '../../identity/bearer-auth.service';
import { SessionService } from '../../identity/session.service';
import { catalogueBodyMiddleware } from './catalogue-body.middleware';
import { graphqlUploadMiddleware } from './graphql-upload.middleware';
import { uploadPreauth, type UploadAuth } from './upload-preauth.middleware';

/**
 * Route-specific body parsers for catalogue uploads; registered before the app-wide JSON parser,
 * each behind its pre-authentication so that no anonymous body is ever read.
 */
export function registerUploadParsers(app: NestExpressApplication, config: AppConfig): void {
  const auth: UploadAuth = {
    sessions: app.get(SessionService),
    bearer: app.get(BearerAuthService),
  };
  const importPath = '/api/projects/:slug/catalogues/:namespace';
  app.use(importPath, uploadPreauth(auth, 'rest'));
  app.use(importPath, catalogueBodyMiddleware(config.importMaxBytes));
  app.use('/graphql', uploadPreauth(auth, 'graphql'));
  app.use('/graphql', graphqlUploadMiddleware(config.importMaxBytes));
}
