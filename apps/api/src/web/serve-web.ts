import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm start` serves the example shop (apps/example, built with `--base /example/`). */
export const EXAMPLE_PATH = '/example/';

/** Paths the API owns; everything else may fall back to the single-page app. */
const API_PREFIXES = ['/graphql', '/health', '/api/', '/bundles/', EXAMPLE_PATH];

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

/**
 * Serves the built example shop under /example/ (npm start's in-context demo): same origin as
 * Chorus, so its panel uses the visitor's Chorus session without any CORS set-up. Returns whether
 * a build was there to serve.
 */
export function serveExample(app: INestApplication, exampleDist: string): boolean {
  const root = resolve(exampleDist);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.use(EXAMPLE_PATH, express.static(root, { index: false }));
  app.use(EXAMPLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    // A route of the shop, not a missing file: files have an extension, routes do not.
    if (req.method !== 'GET' || req.accepts('html') !== 'html' || /\.[a-z0-9]+$/i.test(req.path)) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
