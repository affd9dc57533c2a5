import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { MeModel } from '../identity/dto/user.model';
import { toMeModel } from '../identity/user.mapper';
import { LocaleGoalModel } from './dto/locale-goal.model';
import { MyCandidatePageModel, MyWorkModel } from './dto/my-work.model';
import {
  PageArgs,
  ProjectsThatNeedYouArgs,
  SetLocaleGoalArgs,
  SetMyLanguagesArgs,
} from './dto/open-call.args';
import { ProjectNeedPageModel } from './dto/project-need.model';
import { DIRECTORY_PAGE_DEFAULT, DirectoryService } from './directory.service';
import { GoalService } from './goal.service';
import { MyWorkService } from './my-work.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

/** Where volunteers start: projects that need them, their own work, their languages; goals. */
@Resolver()
export class CommunityResolver {
  constructor(
    private readonly directory: DirectoryService,
    private readonly work: MyWorkService,
    private readonly goals: GoalService,
  ) {}

  @RateLimited('reads')
  @Query(() => ProjectNeedPageModel, {
    description: `Open projects with a locale in your languages (or \`languages\`), and what those locales miss. ${READ_BUDGET}`,
  })
  async projectsThatNeedYou(
    @Args() args: ProjectsThatNeedYouArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectNeedPageModel> {
    return this.directory.projectsThatNeedYou(
      principal.userId,
      args.languages ?? null,
      args.first ?? DIRECTORY_PAGE_DEFAULT,
      args.after ?? null,
      new Date(),
    );
  }

  @RateLimited('reads')
  @Query(() => MyWorkModel, {
    description: `Your locales and counts of your candidates, votes, wins. ${READ_BUDGET}`,
  })
  async myWork(@CurrentPrincipal() principal: Principal): Promise<MyWorkModel> {
    return this.work.summary(principal.userId);
  }

  @RateLimited('reads')
  @Query(() => MyCandidatePageModel, {
    description: `Your candidates, newest first, and their state. ${READ_BUDGET}`,
  })
  async myCandidates(
    @Args() args: PageArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MyCandidatePageModel> {
    return this.work.candidates(principal.userId, args.first ?? 20, args.after ?? null);
  }

  @RateLimited('writes')
  @Mutation(() => MeModel, { description: 'Sets the languages you translate into.' })
  async setMyLanguages(
    @Args() args: SetMyLanguagesArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MeModel> {
    return toMeModel(await this.work.setLanguages(principal.userId, args.languages));
  }

  @RateLimited('writes')
  @Mutation(() => LocaleGoalModel, {
    nullable: true,
    description: 'Sets a goal for a locale (owners); targetPercent null removes it.',
  })
  async setLocaleGoal(
    @Args() args: SetLocaleGoalArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LocaleGoalModel | null> {
    return this.goals.set(
      principal.userId,
      args.project,
      args.locale,
      args.targetPercent ?? null,
      args.dueDate ?? null,
      new Date(),
    );
  }
}
