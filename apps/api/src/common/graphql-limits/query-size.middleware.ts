import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { querySizeError } from './query-size';

/**
 * The byte limit on HTTP, before Apollo sees the request: an error thrown from an Apollo plugin
 * becomes a bare 500, so this answers 413 QUERY_TOO_LARGE itself, in the GraphQL error shape.
 * (The token limit is Apollo's `parseOptions`.)
 */
@Injectable()
export class QuerySizeMiddleware implements NestMiddleware {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const query = queryOf(req);
    const error = query === null ? null : querySizeError(query, this.config);
    if (error === null) {
      next();
      return;
    }
    res
      .status(413)
      .json({ errors: [{ message: error.message, extensions: { code: 'QUERY_TOO_LARGE' } }] });
  }
}

function queryOf(req: Request): string | null {
  const body: unknown = req.body;
  if (
    typeof body === 'object' &&
    body !== null &&
    'query' in body &&
    typeof body.query === 'string'
  ) {
    return body.query;
  }
  const fromUrl: unknown = req.query['query'];
  return typeof fromUrl === 'string' ? fromUrl : null;
}
