import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Public } from '../common/auth/public.decorator';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import type { Principal } from '../common/auth/request-context';
import { CreateProjectInput } from './dto/create-project.input';
import { ProjectModel } from './dto/project.model';
import { ProjectsArgs } from './dto/projects.args';
import { UpdateProjectArgs } from './dto/update-project.args';
import { toProjectModel } from './project.mapper';
import { ProjectService } from './project.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';

@Resolver(() => ProjectModel)
export class ProjectResolver {
  constructor(private readonly projectService: ProjectService) {}

  @Public()
  @RateLimited('reads')
  @Query(() => [ProjectModel], {
    description: `Public projects and the private ones you belong to, by name, a page at a time: a full page means there may be more (pass its last slug as \`after\`). ${READ_BUDGET}`,
  })
  async projects(
    @Args() args: ProjectsArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<ProjectModel[]> {
    const page = { first: args.first, after: args.after ?? null };
    return (await this.projectService.visibleTo(principal?.userId ?? null, page)).map(
      toProjectModel,
    );
  }

  @Public()
  @RateLimited('reads')
  @Query(() => ProjectModel, { description: `One project by slug. ${READ_BUDGET}` })
  async project(
    @Args('slug') slug: string,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<ProjectModel> {
    return toProjectModel(await this.projectService.findVisible(slug, principal?.userId ?? null));
  }

  @RateLimited('projects')
  @Mutation(() => ProjectModel, { description: 'Creates a project owned by you.' })
  async createProject(
    @Args('input') input: CreateProjectInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectModel> {
    return toProjectModel(await this.projectService.create(principal.userId, input));
  }

  @RateLimited('writes')
  @Mutation(() => ProjectModel, {
    description: 'Changes name, visibility or voting parameters (owners).',
  })
  async updateProject(
    @Args() args: UpdateProjectArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectModel> {
    return toProjectModel(
      await this.projectService.update(principal.userId, args.slug, {
        name: args.name ?? null,
        visibility: args.visibility ?? null,
        votingParameters: args.votingParameters === undefined ? null : { ...args.votingParameters },
      }),
    );
  }
}
