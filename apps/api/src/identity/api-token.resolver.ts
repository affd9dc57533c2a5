import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { toApiTokenModel } from './api-token.mapper';
import { ApiTokenService } from './api-token.service';
import { CreateApiTokenArgs, ProjectArgs, RevokeApiTokenArgs } from './dto/api-token.args';
import { ApiTokenModel, CreatedApiTokenModel } from './dto/api-token.model';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

@Resolver(() => ApiTokenModel)
export class ApiTokenResolver {
  constructor(private readonly tokens: ApiTokenService) {}

  @RateLimited('reads')
  @Query(() => [ApiTokenModel], {
    description: `The project's API tokens (owners, developers). ${READ_BUDGET}`,
  })
  async apiTokens(
    @Args() args: ProjectArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiTokenModel[]> {
    return (await this.tokens.listForProject(principal.userId, args.project)).map(toApiTokenModel);
  }

  @RateLimited('writes')
  @Mutation(() => CreatedApiTokenModel, {
    description: 'Creates a CI token; the secret is returned once and never again.',
  })
  async createApiToken(
    @Args() args: CreateApiTokenArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiTokenModel> {
    const created = await this.tokens.createForProject(
      principal.userId,
      args.project,
      args.name.trim(),
      args.scopes,
    );
    return { token: toApiTokenModel(created.token), secret: created.secret };
  }

  @RateLimited('writes')
  @Mutation(() => ApiTokenModel, { description: 'Revokes a token at once; CI using it gets 401.' })
  async revokeApiToken(
    @Args() args: RevokeApiTokenArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiTokenModel> {
    return toApiTokenModel(
      await this.tokens.revokeForProject(principal.userId, args.project, args.id, new Date()),
    );
  }
}
