import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the API owns; everything else may fall back to the single-page app. */
const API_PREFIXES = ['/graphql', '/health', '/api/', '/bundles/'];

/**
 * Serves the built web client on the API's port (npm start mode): static files with long
 * caching for hashed assets, and index.html for client-side routes.
 */
export function serveWeb(app: INestApplication, webDist: string): boolean {
  const root = resolve(webDist);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.use(
    express.static(root, {
      index: false,
      setHeaders: (res, path) => {
        if (path.includes('/assets/'))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = req.method === 'GET' && req.accepts('html') === 'html';
    if (
      !isPage ||
      API_PREFIXES.some((p) => req.path === p.replace(/\/$/, '') || req.path.startsWith(p))
    ) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
