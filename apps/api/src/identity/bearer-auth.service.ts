import { Injectable } from '@nestjs/common';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import type { ApiTokenScope } from './api-token.entity';
import { ApiTokenService, type TokenPrincipal } from './api-token.service';
import { identityError } from './identity.errors';

/**
 * Resolves a bearer secret for a REST route needing `scope`, with the token throttles: an IP
 * that keeps sending unknown tokens is refused for a while (guessing), and each token has a
 * request budget (a leaked CI token cannot hammer the API). Used by ProjectTokenGuard and by
 * the upload pre-authentication, which must decide before reading a body.
 */
@Injectable()
export class BearerAuthService {
  constructor(
    private readonly tokens: ApiTokenService,
    private readonly limits: RateLimitService,
  ) {}

  async principalFor(
    secret: string,
    ip: string,
    scope: ApiTokenScope,
    now: Date,
  ): Promise<TokenPrincipal> {
    await this.limits.assertOpen('tokenFailsPerIp', ip);
    const principal = await this.tokens.authenticate(secret, now);
    if (principal === null) {
      await this.limits.recordFailure('tokenFailsPerIp', ip);
      throw identityError(
        'INVALID_TOKEN',
        'The API token is unknown or revoked, or its creator may no longer use it. Create a new one in the project settings.',
      );
    }
    await this.limits.consume('tokenRequests', principal.tokenId);
    if (!principal.scopes.includes(scope)) {
      throw identityError('TOKEN_SCOPE', `This API token lacks the "${scope}" scope.`);
    }
    return principal;
  }
}
