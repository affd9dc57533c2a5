import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { RoundState } from './translation-enums';

@ObjectType('DecisionCandidate', { description: "One candidate's evidence in a closed round." })
export class DecisionCandidateModel {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => Float)
  wPlus!: number;

  @Field(() => Float)
  wMinus!: number;

  @Field(() => Float, { description: 'Weighted Wilson lower bound' })
  score!: number;

  @Field(() => Float)
  upperBound!: number;

  @Field(() => Int)
  upvoters!: number;

  @Field(() => Int)
  downvoters!: number;

  @Field(() => Int)
  rank!: number;

  @Field(() => Boolean)
  winner!: boolean;
}

@ObjectType('Decision', { description: '"Why this won": the evidence stored when a round closed.' })
export class DecisionModel {
  @Field(() => Boolean)
  decided!: boolean;

  @Field(() => ID, { nullable: true })
  winnerId!: string | null;

  @Field(() => [String], { description: 'Reason codes (QUORUM, MIN_SCORE, MANAGER_APPROVED, …)' })
  reasons!: string[];

  @Field(() => String, { description: 'A short English sentence; UIs translate the codes.' })
  summary!: string;

  @Field(() => [DecisionCandidateModel])
  candidates!: DecisionCandidateModel[];
}

@ObjectType('NeedsDecision', {
  description:
    "A round that reached its deadline without a decision: it waits in the language manager's queue.",
})
export class NeedsDecisionModel {
  @Field(() => [String], {
    description: 'What was missing at the deadline (QUORUM, MIN_VOTES, MIN_SCORE, MIN_MARGIN).',
  })
  reasons!: string[];

  @Field(() => Date, {
    nullable: true,
    description: 'Votes can still decide the round until then; null once it closed undecided.',
  })
  extendedUntil!: Date | null;
}

@ObjectType('Round')
export class RoundModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => RoundState)
  state!: RoundState;

  @Field(() => Date, { nullable: true })
  collectingSince!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The round length it opened with (its parameter snapshot), ms.',
  })
  duration!: number | null;

  @Field(() => Date, { nullable: true })
  deadline!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => [String])
  reasons!: string[];

  @Field(() => DecisionModel, { nullable: true })
  decision!: DecisionModel | null;

  @Field(() => NeedsDecisionModel, {
    nullable: true,
    description: 'Set while the round needs a language manager (past its deadline, undecided).',
  })
  needsDecision!: NeedsDecisionModel | null;
}
