import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { readCookie, SESSION_COOKIE } from '../common/auth/cookies';
import { requestOf } from '../common/auth/current-principal.decorator';
import { IS_PUBLIC } from '../common/auth/public.decorator';
import { identityError } from './identity.errors';
import { TOKEN_SCOPE } from './project-token.guard';
import { SessionService } from './session.service';

/**
 * Global guard: resolves the session cookie to a principal on every request, and refuses
 * any handler not marked @Public() when there is none. Authorisation by role happens in
 * the services, against the permission table.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (req.principal === undefined) {
      const token = readCookie(req.headers.cookie, SESSION_COOKIE);
      req.principal =
        token === undefined || token === '' ? null : await this.sessions.resolve(token, new Date());
      if (req.principal === null && token !== undefined && token !== '') {
        req.staleSession = true;
      }
    }
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true;
    // Token routes (CI) may be called with an API token instead of a session; their service decides.
    const acceptsToken =
      this.reflector.getAllAndOverride<string | undefined>(TOKEN_SCOPE, targets) !== undefined;
    if (isPublic || acceptsToken || req.principal !== null) return true;
    throw req.staleSession === true
      ? identityError(
          'SESSION_EXPIRED',
          'Your session has expired or was signed out. Sign in again.',
        )
      : identityError('UNAUTHENTICATED', 'Sign in to do this.');
  }
}
