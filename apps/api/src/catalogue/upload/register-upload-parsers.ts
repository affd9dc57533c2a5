import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/env.schema';
import { catalogueBodyMiddleware } from './catalogue-body.middleware';
import { graphqlUploadMiddleware } from './graphql-upload.middleware';

/** Route-specific body parsers for catalogue uploads; registered before the app-wide JSON parser. */
export function registerUploadParsers(app: NestExpressApplication, config: AppConfig): void {
  app.use(
    '/api/projects/:slug/catalogues/:namespace',
    catalogueBodyMiddleware(config.importMaxBytes),
  );
  app.use('/graphql', graphqlUploadMiddleware(config.importMaxBytes));
}
