import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { ProjectModel } from '../catalogue/dto/project.model';
import { toProjectModel } from '../catalogue/project.mapper';
import { ScreenshotService } from './screenshot.service';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

@Resolver(() => ProjectModel)
export class ScreenshotSettingResolver {
  constructor(private readonly screenshots: ScreenshotService) {}

  @RateLimited('writes')
  @Mutation(() => ProjectModel, {
    description:
      'Lets (or stops) the in-context package upload screenshots with key regions (owners).',
  })
  async setInContextScreenshots(
    @Args('project', { type: () => String }) project: string,
    @Args('enabled', { type: () => Boolean }) enabled: boolean,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectModel> {
    return toProjectModel(await this.screenshots.setEnabled(principal.userId, project, enabled));
  }
}
