import { SetMetadata, type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiTokenScope } from './api-token.entity';
import type { TokenPrincipal } from './api-token.service';
import { BearerAuthService } from './bearer-auth.service';
import { bearerToken } from './bearer-token';
import { clientIp } from '../common/rate-limit/client-ip';
import type { ChorusRequest } from '../common/auth/request-context';

export const TOKEN_SCOPE = 'chorus:tokenScope';

/** Marks a REST route as callable with a project API token having `scope` (e.g. `push`). */
export const RequireTokenScope = (scope: ApiTokenScope) => SetMetadata(TOKEN_SCOPE, scope);

export interface TokenRequest extends ChorusRequest {
  token?: TokenPrincipal | null;
}

/**
 * Resolves `Authorization: Bearer chorus_…` on REST routes marked @RequireTokenScope. Whether
 * the token belongs to the project in the URL is checked by the handler's service, which knows
 * the project. Routes without the marker pass through untouched.
 */
@Injectable()
export class ProjectTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope = this.reflector.getAllAndOverride<ApiTokenScope | undefined>(TOKEN_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (scope === undefined || context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<TokenRequest>();
    // Already resolved before the body was read (upload routes): see upload-preauth.middleware.
    if (req.token !== undefined) return true;
    const secret = bearerToken(req);
    if (secret === undefined) {
      req.token = null;
      return true; // the service decides whether an anonymous or session caller may proceed
    }
    req.token = await this.bearer.principalFor(secret, clientIp(req), scope, new Date());
    return true;
  }
}
