import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../identity/dto/user.model';
import { FindingModel, FormModel } from './form.model';
import { RoundModel } from './round.model';
import { CandidateStatus } from './translation-enums';

@ObjectType('Tally', { description: "A candidate's weighted votes and Wilson bounds right now." })
export class TallyModel {
  @Field(() => Float)
  wPlus!: number;

  @Field(() => Float)
  wMinus!: number;

  @Field(() => Int)
  upvoters!: number;

  @Field(() => Int)
  downvoters!: number;

  @Field(() => Float)
  score!: number;

  @Field(() => Float)
  upperBound!: number;
}

@ObjectType('Candidate', { description: 'A proposed translation of one string in one locale.' })
export class CandidateModel {
  @Field(() => ID)
  id!: string;

  @Field(() => [FormModel])
  forms!: FormModel[];

  @Field(() => CandidateStatus)
  status!: CandidateStatus;

  @Field(() => String, { description: 'community, import or manager' })
  origin!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => [FindingModel])
  findings!: FindingModel[];

  @Field(() => Boolean, {
    description: 'Active, written for the current source text and free of check errors',
  })
  eligible!: boolean;

  @Field(() => Boolean, {
    description: 'A moderator hid it (it is rejected too); only managers still see it',
  })
  hidden!: boolean;

  @Field(() => Boolean)
  isMine!: boolean;

  @Field(() => Int, { nullable: true, description: 'Your vote: 1, -1 or null' })
  myVote!: number | null;

  @Field(() => UserModel, {
    nullable: true,
    description:
      'Blind voting: null until you have voted on this string in this locale (always shown to the author and to managers)',
  })
  author!: UserModel | null;

  @Field(() => TallyModel, {
    nullable: true,
    description:
      'Blind voting: null until you have voted on this string in this locale (always shown to the author and to managers)',
  })
  tally!: TallyModel | null;
}

@ObjectType('CandidateList', { description: 'The candidates of one string in one locale.' })
export class CandidateListModel {
  @Field(() => ID)
  stringId!: string;

  @Field(() => String)
  locale!: string;

  @Field(() => Boolean, { description: 'You have voted on one of these candidates' })
  hasVoted!: boolean;

  @Field(() => [CandidateModel])
  candidates!: CandidateModel[];

  @Field(() => RoundModel, { nullable: true })
  round!: RoundModel | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Blind like the tallies: how many more people must vote before the round can be decided by vote (quorum and upvoters on the leader, scaled to the locale); 0 when the scores decide. Null unless the round is collecting.',
  })
  votesNeeded!: number | null;
}
