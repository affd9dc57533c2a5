import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clearedSessionCookie, sessionCookie } from '../common/auth/cookies';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Public } from '../common/auth/public.decorator';
import { AppError } from '../common/errors/app-error';
import { clientIp } from '../common/rate-limit/client-ip';
import { setRetryAfter } from '../common/rate-limit/rate-limit.errors';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import type { GraphqlContext, Principal } from '../common/auth/request-context';
import { SignInInput, SignUpInput } from './dto/auth.input';
import { MeModel } from './dto/user.model';
import { IdentityService, type SignedIn } from './identity.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { SessionService } from './session.service';
import { toMeModel } from './user.mapper';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
  ) {}

  @Public()
  @Query(() => MeModel, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@CurrentPrincipal() principal: Principal | null): Promise<MeModel | null> {
    if (principal === null) return null;
    const user = await this.identity.findById(principal.userId);
    return user === null ? null : toMeModel(user);
  }

  @Public()
  @RateLimited('signUpsPerIp')
  @Mutation(() => MeModel, {
    description:
      'Creates an account and signs in (sets the session cookie). The password needs 12 to 128 characters, must not be a common password or contain the email (WEAK_PASSWORD, with details.reason).',
  })
  async signUp(
    @Args('input') input: SignUpInput,
    @Context() context: GraphqlContext,
  ): Promise<MeModel> {
    const { user, token } = await this.identity.signUp(
      input.email,
      input.password,
      input.displayName,
      new Date(),
    );
    this.setCookie(context, token);
    return toMeModel(user);
  }

  @Public()
  @Mutation(() => MeModel, {
    description:
      'Signs in with email and password (sets the session cookie). Repeated failures are throttled (RATE_LIMITED, extensions.retryAfter).',
  })
  async signIn(
    @Args('input') input: SignInInput,
    @Context() context: GraphqlContext,
  ): Promise<MeModel> {
    const ip = clientIp(context.req);
    try {
      await this.throttle.assertOpen(input.email, ip);
    } catch (error) {
      setRetryAfter(context.res, error);
      throw error;
    }
    let signedIn: SignedIn;
    try {
      signedIn = await this.identity.signIn(input.email, input.password, new Date());
    } catch (error) {
      if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
        await this.throttle.failed(input.email, ip);
      }
      throw error;
    }
    await this.throttle.succeeded(input.email, ip);
    this.setCookie(context, signedIn.token);
    return toMeModel(signedIn.user);
  }

  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
  ): Promise<boolean> {
    await this.identity.signOut(principal.userId, principal.sessionId);
    context.res.setHeader('Set-Cookie', clearedSessionCookie(context.req.secure));
    return true;
  }

  private setCookie(context: GraphqlContext, token: string): void {
    context.res.setHeader(
      'Set-Cookie',
      sessionCookie(token, { secure: context.req.secure, maxAgeSeconds: this.sessions.ttlSeconds }),
    );
  }
}
