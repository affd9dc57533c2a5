import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Webhook')
export class WebhookModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Called with a signed POST when bundles change' })
  url!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastDeliveryAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HTTP status of the last attempt (0: network error)',
  })
  lastStatus!: number | null;
}

@ObjectType('CreatedWebhook')
export class CreatedWebhookModel {
  @Field(() => WebhookModel)
  webhook!: WebhookModel;

  @Field(() => String, {
    description:
      'HMAC-SHA256 key of the X-Chorus-Signature header. Shown only now; store it in the receiver.',
  })
  secret!: string;
}
