import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clearedSessionCookie, sessionCookie } from '../common/auth/cookies';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Public } from '../common/auth/public.decorator';
import type { GraphqlContext, Principal } from '../common/auth/request-context';
import { SignInInput, SignUpInput } from './dto/auth.input';
import { MeModel } from './dto/user.model';
import { IdentityService } from './identity.service';
import { SessionService } from './session.service';
import { toMeModel } from './user.mapper';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Query(() => MeModel, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@CurrentPrincipal() principal: Principal | null): Promise<MeModel | null> {
    if (principal === null) return null;
    const user = await this.identity.findById(principal.userId);
    return user === null ? null : toMeModel(user);
  }

  @Public()
  @Mutation(() => MeModel, {
    description: 'Creates an account and signs in (sets the session cookie).',
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
    description: 'Signs in with email and password (sets the session cookie).',
  })
  async signIn(
    @Args('input') input: SignInInput,
    @Context() context: GraphqlContext,
  ): Promise<MeModel> {
    const { user, token } = await this.identity.signIn(input.email, input.password, new Date());
    this.setCookie(context, token);
    return toMeModel(user);
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
