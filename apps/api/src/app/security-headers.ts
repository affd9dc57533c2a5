import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';

/** A Host header as browsers send it; anything else is not echoed into the policy. */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * WebSocket URLs of the page's own origin. CSP3 lets 'self' match ws(s) of the same host, but
 * older browsers do not, so the subscription socket is named explicitly.
 */
function sameOriginSockets(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Response headers for every answer (helmet): the web client's CSP, built for the Vite bundle,
 * which loads only its own hashed scripts and stylesheets (no inline script or style attribute),
 * talks to its own origin over fetch and graphql-ws, and may not be framed (clickjacking);
 * plus nosniff, no-referrer, same-origin opener/resource policies for the JSON and GraphQL answers.
 * Bundles alone are `Cross-Origin-Resource-Policy: cross-origin`: apps on other origins load them.
 * No `upgrade-insecure-requests`: `npm start` serves plain HTTP on a LAN address.
 */
export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", sameOriginSockets],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    headers(req, res, (error?: unknown) => {
      if (error === undefined && req.path.startsWith('/bundles/')) {
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      }
      next(error);
    });
  };
}
