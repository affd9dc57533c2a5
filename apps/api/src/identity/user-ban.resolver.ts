import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { UserModel } from './dto/user.model';
import { toUserModel } from './user.mapper';
import { UserBanService } from './user-ban.service';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

@Resolver()
export class UserBanResolver {
  constructor(private readonly bans: UserBanService) {}

  @RateLimited('writes')
  @Mutation(() => UserModel, {
    description:
      'Instance administrators (ADMIN_EMAILS): bans an account server-wide. Its sessions end at once in every process, its API tokens stop working, and its votes and candidates stop counting.',
  })
  async banUser(
    @Args('email') email: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserModel> {
    return toUserModel(await this.bans.ban(principal.userId, email, reason, new Date()));
  }

  @RateLimited('writes')
  @Mutation(() => UserModel, {
    description:
      'Instance administrators (ADMIN_EMAILS): lifts a ban (the account signs in again).',
  })
  async unbanUser(
    @Args('email') email: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserModel> {
    return toUserModel(await this.bans.unban(principal.userId, email));
  }
}
