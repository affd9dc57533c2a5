import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NeedsDecisionModel } from '../../translation/dto/round.model';

@ObjectType('NeedsDecisionEntry')
export class NeedsDecisionEntryModel {
  @Field(() => ID)
  stringId!: string;

  @Field({ description: 'The key as passed to t().' })
  key!: string;

  @Field()
  locale!: string;

  @Field(() => ID, { description: 'The round waiting for a decision.' })
  roundId!: string;

  @Field(() => NeedsDecisionModel)
  needsDecision!: NeedsDecisionModel;
}

@ObjectType('NeedsDecisionPage')
export class NeedsDecisionPageModel {
  @Field(() => [NeedsDecisionEntryModel])
  items!: NeedsDecisionEntryModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
}
