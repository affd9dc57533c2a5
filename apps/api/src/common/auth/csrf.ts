import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { readCookie, SESSION_COOKIE } from './cookies';

/** Content types a page on another origin can POST without a CORS preflight. */
const SIMPLE_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
/**
 * Headers a cross-origin page cannot add without a preflight: the web client sends the first;
 * Apollo's own CSRF-prevention headers count too, for GraphQL clients that already send them.
 */
export const CSRF_HEADERS = [
  'x-chorus-csrf',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfInput {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The host this request was sent to (Host, or X-Forwarded-Host behind a trusted proxy). */
  readonly host: string | undefined;
}

function header(input: CsrfInput, name: string): string | undefined {
  const value = input.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // includes the opaque origin "null"
  }
}

/**
 * Why a write carried by the session cookie must be refused, or null. SameSite=Lax stops other
 * sites but not other ports or subdomains of the same site, so a cookie-authenticated write must
 * (1) come from an allowed origin (this host or CORS_ORIGINS) and (2) be something a plain HTML
 * form cannot send: a non-simple content type or a custom header. A missing Origin (old browsers,
 * non-browser clients) is accepted only with a custom header. Requests without the session cookie
 * (bearer tokens, anonymous) carry no ambient authority and pass.
 */
export function csrfRefusal(input: CsrfInput, allowedOrigins: readonly string[]): string | null {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return null;
  const cookie = readCookie(header(input, 'cookie'), SESSION_COOKIE);
  if (cookie === undefined || cookie === '') return null;
  const custom = CSRF_HEADERS.some((name) => (header(input, name) ?? '') !== '');
  const origin = header(input, 'origin');
  if (origin === undefined) {
    return custom
      ? null
      : 'A signed-in write needs an Origin header or the x-chorus-csrf: 1 header.';
  }
  const fromHost = input.host !== undefined && originHost(origin) === input.host.toLowerCase();
  if (!fromHost && !allowedOrigins.includes(origin)) {
    return `Writes with the session cookie are not accepted from ${origin}.`;
  }
  const type = (header(input, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!custom && (type === '' || SIMPLE_TYPES.has(type))) {
    return `A signed-in ${type === '' ? 'request without a content type' : `${type} request`} needs the x-chorus-csrf: 1 header.`;
  }
  return null;
}

/**
 * App-wide, before any body parser: a refused request is answered 403 CSRF_REJECTED without its
 * body being read (GraphQL error shape on /graphql, REST shape elsewhere).
 */
export function csrfProtection(allowedOrigins: readonly string[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refusal = csrfRefusal(
      { method: req.method, headers: req.headers, host: req.host },
      allowedOrigins,
    );
    if (refusal === null) return next();
    res.setHeader('Connection', 'close');
    if (req.path === '/graphql') {
      res
        .status(403)
        .json({ errors: [{ message: refusal, extensions: { code: 'CSRF_REJECTED' } }] });
    } else {
      res.status(403).json({ error: { code: 'CSRF_REJECTED', message: refusal } });
    }
  };
}
