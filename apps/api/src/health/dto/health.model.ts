import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Health')
export class HealthModel {
  @Field(() => String, { description: 'ok when every dependency is up, else degraded' })
  status!: string;

  @Field(() => String)
  postgres!: string;

  @Field(() => String)
  queue!: string;

  @Field(() => String, { description: 'redis or postgres (BullMQ backend in use)' })
  queueBackend!: string;

  @Field(() => String, { description: 'up, down or not-configured' })
  redis!: string;
}
