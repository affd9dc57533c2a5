import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { AddWebhookArgs, RemoveWebhookArgs, WebhookProjectArgs } from './dto/webhook.args';
import { CreatedWebhookModel, WebhookModel } from './dto/webhook.model';
import { toWebhookModel } from './webhook.mapper';
import { WebhookService } from './webhook.service';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';

@Resolver(() => WebhookModel)
export class WebhookResolver {
  constructor(private readonly webhookService: WebhookService) {}

  @RateLimited('reads')
  @Query(() => [WebhookModel], {
    description: `A project's webhooks (owners and developers). ${READ_BUDGET}`,
  })
  async webhooks(
    @Args() args: WebhookProjectArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookModel[]> {
    return (await this.webhookService.list(principal.userId, args.project)).map(toWebhookModel);
  }

  @RateLimited('writes')
  @Mutation(() => CreatedWebhookModel, {
    description: 'Registers a URL called (signed, HMAC-SHA256) when bundles change.',
  })
  async addWebhook(
    @Args() args: AddWebhookArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedWebhookModel> {
    const created = await this.webhookService.add(principal.userId, args.project, args.url);
    return { webhook: toWebhookModel(created.webhook), secret: created.secret };
  }

  @RateLimited('writes')
  @Mutation(() => Boolean)
  async removeWebhook(
    @Args() args: RemoveWebhookArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    await this.webhookService.remove(principal.userId, args.project, args.id);
    return true;
  }
}
