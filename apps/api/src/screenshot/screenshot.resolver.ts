import {
  Args,
  Context,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { GraphqlContext, Principal } from '../common/auth/request-context';
import { ProjectModel } from '../catalogue/dto/project.model';
import { toProjectModel } from '../catalogue/project.mapper';
import { TranslatableStringModel } from '../translation/dto/translatable-string.model';
import { ScreenshotService, type KeyScreenshot } from './screenshot.service';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

@ObjectType('StringScreenshot', {
  description: 'A screenshot of the running app (in-context package) and where this key is on it',
})
export class StringScreenshotModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'Where the image is served (GET, same access as the project)',
  })
  url!: string;

  @Field(() => Int, { description: 'The key region, in image pixels' })
  x!: number;

  @Field(() => Int)
  y!: number;

  @Field(() => Int)
  width!: number;

  @Field(() => Int)
  height!: number;

  @Field(() => Int)
  imageWidth!: number;

  @Field(() => Int)
  imageHeight!: number;

  @Field(() => Date)
  createdAt!: Date;
}

function toModel(s: KeyScreenshot): StringScreenshotModel {
  return {
    id: s.screenshotId,
    url: `/api/screenshots/${s.screenshotId}`,
    x: s.x,
    y: s.y,
    width: s.width,
    height: s.height,
    imageWidth: s.imageWidth,
    imageHeight: s.imageHeight,
    createdAt: s.createdAt,
  };
}

/** Per request: the strings of one page are looked up together, in one query. */
type Batch = { ids: Set<string>; result: Promise<Map<string, KeyScreenshot[]>> | null };
const BATCHES = new WeakMap<object, Batch>();

@Resolver(() => TranslatableStringModel)
export class StringScreenshotsResolver {
  constructor(private readonly service: ScreenshotService) {}

  @ResolveField(() => [StringScreenshotModel], {
    description: 'Newest in-context screenshots showing this key (at most 3), newest first',
  })
  async screenshots(
    @Parent() string: TranslatableStringModel,
    @Context() context: GraphqlContext,
  ): Promise<StringScreenshotModel[]> {
    const key = context as object;
    let batch = BATCHES.get(key);
    if (batch === undefined || batch.result !== null) {
      batch = { ids: new Set(), result: null };
      BATCHES.set(key, batch);
    }
    const current = batch;
    current.ids.add(string.id);
    // graphql-js resolves the fields of a list's items in one synchronous pass: after one
    // microtask every string of the page has joined the batch, and the first to resume queries.
    await Promise.resolve();
    current.result ??= this.service.forStrings([...current.ids]);
    return ((await current.result).get(string.id) ?? []).map(toModel);
  }
}

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
