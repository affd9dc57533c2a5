import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../identity/dto/user.model';

@ObjectType('AbuseFlag', {
  description: 'A voting pattern the abuse scan found suspicious, with its evidence.',
})
export class AbuseFlagModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'VOTING_RING_PAIR, RECIPROCAL_PAIR, AUTHOR_CONCENTRATION or NEW_ACCOUNT_BURST',
  })
  kind!: string;

  @Field(() => [UserModel])
  users!: UserModel[];

  @Field(() => String, { description: 'The numbers behind the flag, as JSON' })
  evidence!: string;

  @Field(() => Date)
  detectedAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      "The flag's open report in the moderation queue (filed against its first account): ban or warn there with moderateReport. Null once resolved.",
  })
  reportId!: string | null;
}

@ObjectType('QueueStats', { description: 'Jobs of one BullMQ queue by state.' })
export class QueueStatsModel {
  @Field(() => String)
  queue!: string;

  @Field(() => Number)
  waiting!: number;

  @Field(() => Number)
  active!: number;

  @Field(() => Number)
  delayed!: number;

  @Field(() => Number)
  completed!: number;

  @Field(() => Number)
  failed!: number;
}
