import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const SLUG_MESSAGE = 'project must be a project slug (lowercase letters, digits, dashes)';

@ArgsType()
export class WebhookProjectArgs {
  @Field(() => String, { description: 'Project slug' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  project!: string;
}

@ArgsType()
export class AddWebhookArgs extends WebhookProjectArgs {
  @Field(() => String, { description: 'https:// (or http://) URL to POST change notifications to' })
  @IsString()
  @Length(8, 2048, { message: 'url must be 8 to 2048 characters' })
  url!: string;
}

@ArgsType()
export class RemoveWebhookArgs extends WebhookProjectArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a webhook id' })
  id!: string;
}
