import { Field, Float, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../identity/dto/user.model';

@ObjectType('LeaderboardEntry')
export class LeaderboardEntryModel {
  @Field(() => UserModel)
  user!: UserModel;

  @Field(() => Float, { description: 'Winning translations' })
  accepted!: number;

  @Field(() => Float, { description: 'Votes that agreed with the outcome' })
  agree!: number;

  @Field(() => Float)
  disagree!: number;

  @Field(() => Float, { description: '(agree + α) / (agree + disagree + α + β)' })
  reliability!: number;

  @Field(() => Float, { description: 'Candidates written (imports excluded)' })
  candidates!: number;

  @Field(() => Float, { description: 'Votes cast' })
  votes!: number;

  @Field(() => [String], { description: 'FIRST_WIN, TEN_WINS, HUNDRED_AGREEING_VOTES, …' })
  badges!: string[];
}
