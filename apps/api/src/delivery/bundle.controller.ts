import { Controller, Get, Header, HttpCode, Options, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/auth/public.decorator';
import { RequireTokenScope, type TokenRequest } from '../identity/project-token.guard';
import {
  type BundleCaller,
  type BundleReadiness,
  BundleReadService,
  type DeliveryProject,
} from './bundle-read.service';
import { deliveryError } from './delivery.errors';
import { ReadBulkhead } from './read-bulkhead';

const HASHED = /^(.+)\.([0-9a-f]{12})$/;

/**
 * Bundle reads in flight per process: fewer than the pool's 10 connections, so a burst of
 * anonymous downloads leaves connections for health checks, GraphQL and imports.
 */
export const BUNDLE_READ_SLOTS = 4;
/** Reads that may wait for a slot; past this a burst is answered 503 + Retry-After: 1. */
export const BUNDLE_READ_QUEUE = 1_000;

function callerOf(req: TokenRequest): BundleCaller {
  return { principal: req.principal ?? null, token: req.token ?? null };
}

/** True when If-None-Match lists this strong tag (or `*`); weak tags compare by value (RFC 9110). */
export function matchesEtag(header: string | undefined, hash: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === `"${hash}"`);
}

/** `?fresh=1`: the caller (the CLI's pull) would rather wait than read a build older than its push. */
function wantsFresh(req: TokenRequest): boolean {
  const fresh = req.query['fresh'];
  return fresh === '1' || fresh === 'true';
}

function corsHeaders(res: Response, project: DeliveryProject): void {
  // Public bundles are public data: any origin may load them. Private ones stay same-origin.
  if (project.isPublic) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After');
  }
}

/**
 * Locale bundles over HTTP: plain URLs revalidate by ETag, hashed URLs are immutable. Public
 * projects need no credentials; private ones a `pull` token or a member's session.
 */
@Public()
@RequireTokenScope('pull')
@Controller('bundles')
export class BundleController {
  private readonly bulkhead = new ReadBulkhead(BUNDLE_READ_SLOTS, BUNDLE_READ_QUEUE);

  constructor(private readonly bundles: BundleReadService) {}

  @Options('*path')
  @HttpCode(204)
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
  @Header('Access-Control-Allow-Headers', 'Authorization, If-None-Match')
  @Header('Access-Control-Max-Age', '86400')
  preflight(): void {
    // Answers CORS preflights (a browser sending Authorization); GET decides access.
  }

  @Get(':project/manifest.json')
  async manifest(
    @Param('project') slug: string,
    @Req() req: TokenRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.limited(res, async () => {
      const project = await this.bundles.projectFor(slug, callerOf(req));
      if (!this.ready(res, project, this.bundles.readiness(project, wantsFresh(req)))) return;
      const manifest = await this.bundles.manifest(project);
      this.sendJson(req, res, project, manifest.body, manifest.contentHash, 'no-cache');
    });
  }

  @Get(':project/archive.tar.gz')
  async archive(
    @Param('project') slug: string,
    @Req() req: TokenRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.limited(res, async () => {
      const project = await this.bundles.projectFor(slug, callerOf(req));
      if (!this.ready(res, project, this.bundles.readiness(project, wantsFresh(req)))) return;
      const archive = await this.bundles.archive(project);
      corsHeaders(res, project);
      res.setHeader('ETag', `"${archive.etag}"`);
      res.setHeader('Cache-Control', 'no-cache');
      if (matchesEtag(req.headers['if-none-match'], archive.etag)) {
        res.status(304).end();
        return;
      }
      res.setHeader('Content-Type', 'application/gzip');
      res.setHeader('Content-Disposition', `attachment; filename="${project.slug}-bundles.tar.gz"`);
      res.status(200).end(archive.body);
    });
  }

  @Get(':project/:locale/:file')
  async bundle(
    @Param('project') slug: string,
    @Param('locale') locale: string,
    @Param('file') file: string,
    @Req() req: TokenRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.limited(res, () => this.serveBundle(slug, locale, file, req, res));
  }

  private async serveBundle(
    slug: string,
    locale: string,
    file: string,
    req: TokenRequest,
    res: Response,
  ): Promise<void> {
    const project = await this.bundles.projectFor(slug, callerOf(req));
    if (!file.endsWith('.json')) {
      throw deliveryError(
        'BUNDLE_NOT_FOUND',
        `Bundle URLs end in .json: /bundles/${slug}/${locale}/<namespace>.json`,
      );
    }
    const name = file.slice(0, -'.json'.length);
    const hashed = HASHED.exec(name);
    if (hashed !== null) {
      const [, namespace, shortHash] = hashed as unknown as [string, string, string];
      const bundle = await this.bundles.byHash(project, locale, namespace, shortHash);
      if (bundle === null) {
        // Immutable URLs need no freshness check; a miss is "not built yet" or "no such hash".
        if (!this.ready(res, project, this.bundles.readiness(project, false))) return;
        throw deliveryError(
          'BUNDLE_NOT_FOUND',
          `No bundle ${locale}/${namespace} with hash ${shortHash} in project "${slug}". Read manifest.json for the current hashes.`,
        );
      }
      this.sendJson(
        req,
        res,
        project,
        bundle.body,
        bundle.contentHash,
        'public, max-age=31536000, immutable',
      );
      return;
    }
    if (!this.ready(res, project, this.bundles.readiness(project, wantsFresh(req)))) return;
    const bundle = await this.bundles.current(project, locale, name);
    this.sendJson(req, res, project, bundle.body, bundle.contentHash, 'no-cache');
  }

  /** Runs a read in the bulkhead; a full queue is answered 503 + Retry-After at once. */
  private async limited(res: Response, read: () => Promise<void>): Promise<void> {
    const done = await this.bulkhead.run(async () => {
      await read();
      return true;
    });
    if (done !== null) return;
    const error = deliveryError(
      'BUNDLE_READS_BUSY',
      'Too many bundle downloads are waiting on this server. Retry in a second.',
    );
    res.setHeader('Retry-After', '1');
    res.setHeader('Cache-Control', 'no-store');
    res.status(error.status).json({ error: { code: error.code, message: error.message } });
  }

  /**
   * Answers 503 + Retry-After when the bundles are not ready (written here rather than thrown:
   * a flood of them is expected load, not a server error worth a stack trace each).
   */
  private ready(res: Response, project: DeliveryProject, readiness: BundleReadiness): boolean {
    if (readiness.ready) return true;
    const error = deliveryError('BUNDLE_NOT_READY', readiness.message);
    corsHeaders(res, project);
    res.setHeader('Retry-After', String(readiness.retryAfterSeconds));
    res.setHeader('Cache-Control', 'no-store');
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.message,
        details: { retryAfterSeconds: readiness.retryAfterSeconds },
      },
    });
    return false;
  }

  private sendJson(
    req: TokenRequest,
    res: Response,
    project: DeliveryProject,
    body: string,
    hash: string,
    cacheControl: string,
  ): void {
    corsHeaders(res, project);
    res.setHeader('ETag', `"${hash}"`);
    res.setHeader('Cache-Control', project.isPublic ? cacheControl : privateCache(cacheControl));
    res.setHeader('Vary', 'Authorization, Cookie');
    if (matchesEtag(req.headers['if-none-match'], hash)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.status(200).end(Buffer.from(body, 'utf8'));
  }
}

/** A private project's bytes must not sit in shared caches. */
function privateCache(cacheControl: string): string {
  return cacheControl.replace(/^public/, 'private');
}
