import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { ProjectArgs } from '../identity/dto/api-token.args';
import { MemberModel } from '../identity/dto/membership.model';
import { toMemberModel } from '../identity/membership.mapper';
import { CreatedInviteModel, InviteModel } from './dto/invite.model';
import { AcceptInviteArgs, CreateInviteArgs, InviteIdArgs } from './dto/open-call.args';
import { toInviteModel } from './invite.mapper';
import { InviteService } from './invite.service';

@Resolver(() => InviteModel)
export class InviteResolver {
  constructor(private readonly inviteService: InviteService) {}

  @RateLimited('writes')
  @Mutation(() => CreatedInviteModel, {
    description: 'Creates an invite link (owners); the token is shown once.',
  })
  async createInvite(
    @Args() args: CreateInviteArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedInviteModel> {
    const created = await this.inviteService.create(
      principal.userId,
      args.project,
      {
        role: args.role,
        locale: args.locale ?? null,
        expiresAt: args.expiresAt ?? null,
        maxUses: args.maxUses ?? null,
      },
      new Date(),
    );
    return { invite: toInviteModel(created.invite, created.project), token: created.token };
  }

  @RateLimited('reads')
  @Query(() => [InviteModel], { description: `A project's invite links (owners). ${READ_BUDGET}` })
  async invites(
    @Args() args: ProjectArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InviteModel[]> {
    const { project, invites } = await this.inviteService.list(principal.userId, args.project);
    return invites.map((i) => toInviteModel(i, project));
  }

  @RateLimited('writes')
  @Mutation(() => InviteModel, { description: 'Revokes an invite link (owners).' })
  async revokeInvite(
    @Args() args: InviteIdArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InviteModel> {
    const { invite, project } = await this.inviteService.revoke(
      principal.userId,
      args.id,
      new Date(),
    );
    return toInviteModel(invite, project);
  }

  @RateLimited('joins')
  @Mutation(() => MemberModel, {
    description: 'Accepts an invite link: grants its role (idempotent for a member).',
  })
  async acceptInvite(
    @Args() args: AcceptInviteArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberModel> {
    const membership = await this.inviteService.accept(principal.userId, args.token, new Date());
    if (membership.user === undefined) throw new Error('membership loaded without its user');
    return toMemberModel(membership, membership.user);
  }
}
