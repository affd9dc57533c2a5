import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProjectModel } from '../catalogue/dto/project.model';
import { PER_PARENT_QUERIES } from '../common/graphql-limits/query-cost';
import { toProjectModel } from '../catalogue/project.mapper';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { MemberModel } from '../identity/dto/membership.model';
import { toMemberModel } from '../identity/membership.mapper';
import { JoinProjectArgs, SetProjectOpenArgs } from './dto/open-call.args';
import { LocaleGoalModel } from './dto/locale-goal.model';
import { ViewerCapabilitiesModel } from './dto/viewer-capabilities.model';
import { GoalService } from './goal.service';
import { OpenProjectService } from './open-project.service';

/** Both fields below query per project: a list of projects may not select them (cost limit). */
const ONE_PROJECT_AT_A_TIME =
  'Runs queries of its own: select it on `project(slug)`, not under a list of projects (QUERY_TOO_COMPLEX).';

@Resolver(() => ProjectModel)
export class OpenProjectResolver {
  constructor(
    private readonly openProjects: OpenProjectService,
    private readonly goalService: GoalService,
  ) {}

  @RateLimited('writes')
  @Mutation(() => ProjectModel, {
    description:
      'Opens or closes a project to volunteers and sets the locales that want help (owners; public projects only).',
  })
  async setProjectOpen(
    @Args() args: SetProjectOpenArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectModel> {
    return toProjectModel(
      await this.openProjects.setOpen(
        principal.userId,
        args.project,
        args.open,
        args.helpWantedLocales ?? null,
      ),
    );
  }

  @RateLimited('joins')
  @Mutation(() => MemberModel, {
    description:
      'Joins an open project as a translator for one of its locales (idempotent; PROJECT_NOT_OPEN otherwise).',
  })
  async joinProject(
    @Args() args: JoinProjectArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberModel> {
    const membership = await this.openProjects.join(principal.userId, args.project, args.locale);
    if (membership.user === undefined) throw new Error('membership loaded without its user');
    return toMemberModel(membership, membership.user);
  }

  @ResolveField(() => ViewerCapabilitiesModel, {
    description: `What you may do here (empty for visitors); pages offer only these controls. ${ONE_PROJECT_AT_A_TIME}`,
    complexity: PER_PARENT_QUERIES,
  })
  async viewerCan(
    @Parent() project: ProjectModel,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<ViewerCapabilitiesModel> {
    return this.openProjects.capabilities(
      {
        id: project.id,
        visibility: toVisibility(project.visibility),
        open: project.open,
        sourceLocale: project.sourceLocale,
      },
      principal?.userId ?? null,
    );
  }

  @ResolveField(() => [LocaleGoalModel], {
    description: `The owner's goals per locale, with progress and days left. ${ONE_PROJECT_AT_A_TIME}`,
    complexity: PER_PARENT_QUERIES,
  })
  async goals(@Parent() project: ProjectModel): Promise<LocaleGoalModel[]> {
    return this.goalService.goalsOf(project.id, new Date());
  }
}

function toVisibility(value: string): 'public' | 'private' {
  return value === 'public' ? 'public' : 'private';
}
