import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { ProjectArgs } from './dto/api-token.args';
import { AddMemberArgs, RemoveMemberArgs } from './dto/membership.args';
import { MemberModel } from './dto/membership.model';
import { toMemberModel } from './membership.mapper';
import { MembershipService } from './membership.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

@Resolver(() => MemberModel)
export class MembershipResolver {
  constructor(private readonly memberships: MembershipService) {}

  @RateLimited('reads')
  @Query(() => [MemberModel], {
    description: `The project's members and their roles (members only). ${READ_BUDGET}`,
  })
  async members(
    @Args() args: ProjectArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberModel[]> {
    const rows = await this.memberships.list(principal.userId, args.project);
    return rows.map((r) => toMemberModel(r.membership, r.user));
  }

  @RateLimited('writes')
  @Mutation(() => MemberModel, { description: 'Grants a role to an existing account (owners).' })
  async addMember(
    @Args() args: AddMemberArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberModel> {
    const row = await this.memberships.add(
      principal.userId,
      args.project,
      args.email,
      args.role,
      args.locale ?? null,
    );
    return toMemberModel(row.membership, row.user);
  }

  @RateLimited('writes')
  @Mutation(() => Boolean, { description: 'Removes one role (never the last owner).' })
  async removeMember(
    @Args() args: RemoveMemberArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    return this.memberships.remove(principal.userId, args.project, args.id);
  }
}
