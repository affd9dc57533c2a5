import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoundModel } from '../../translation/dto/round.model';

@ObjectType('RoundEvent', { description: 'A round of one string in one locale closed.' })
export class RoundEventModel {
  @Field(() => ID)
  stringId!: string;

  @Field(() => String)
  locale!: string;

  @Field(() => RoundModel)
  round!: RoundModel;
}
