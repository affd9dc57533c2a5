import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { readCookie, SESSION_COOKIE } from '../../common/auth/cookies';
import type { ChorusRequest } from '../../common/auth/request-context';
import { toClientError } from '../../common/errors/to-client-error';
import { clientIp } from '../../common/rate-limit/client-ip';
import type { BearerAuthService } from '../../identity/bearer-auth.service';
import { bearerToken } from '../../identity/bearer-token';
import { identityError } from '../../identity/identity.errors';
import type { TokenRequest } from '../../identity/project-token.guard';
import type { SessionService } from '../../identity/session.service';

export interface UploadAuth {
  readonly sessions: SessionService;
  readonly bearer: BearerAuthService;
}

type Shape = 'graphql' | 'rest';

/**
 * Answers before the body is read; `Connection: close` makes Node drop the rest of the upload
 * instead of reading it to reuse the connection.
 */
function refuse(res: Response, shape: Shape, error: unknown): void {
  const client = toClientError(error);
  res.setHeader('Connection', 'close');
  const retryAfter = client.details?.['retryAfter'];
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  if (shape === 'graphql') {
    res.status(client.status).json({
      errors: [{ message: client.message, extensions: { code: client.code } }],
    });
  } else {
    res.status(client.status).json({ error: { code: client.code, message: client.message } });
  }
}

function unauthenticated(shape: Shape): unknown {
  return identityError(
    'UNAUTHENTICATED',
    shape === 'graphql'
      ? 'Sign in to upload files.'
      : 'Sign in, or send a project API token as "Authorization: Bearer chorus_…".',
  );
}

/**
 * Who is uploading, decided from the headers alone, before any byte of the body is read: an
 * anonymous upload costs the server one header parse, not 20 MB of buffering. GraphQL multipart
 * needs a session; the REST import a `push` token or a session. The principal found here is
 * kept on the request, so the guards do not resolve it again.
 */
export function uploadPreauth(auth: UploadAuth, shape: Shape): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const isUpload =
      req.method === 'POST' &&
      (shape === 'rest' || req.is('multipart/form-data') === 'multipart/form-data');
    if (!isUpload) return next();
    void (async () => {
      const request = req as ChorusRequest & TokenRequest;
      const secret = shape === 'rest' ? bearerToken(req) : undefined;
      if (secret !== undefined) {
        request.token = await auth.bearer.principalFor(secret, clientIp(req), 'push', new Date());
        return true;
      }
      const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
      const principal =
        cookie === undefined || cookie === ''
          ? null
          : await auth.sessions.resolve(cookie, new Date());
      if (principal === null) return false;
      request.principal = principal;
      return true;
    })().then(
      (known) => (known ? next() : refuse(res, shape, unauthenticated(shape))),
      (error: unknown) => refuse(res, shape, error),
    );
  };
}
