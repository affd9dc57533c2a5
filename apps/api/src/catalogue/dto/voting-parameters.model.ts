import { Field, Float, ObjectType } from '@nestjs/graphql';

/** The effective voting parameters of a project: defaults merged with its overrides. */
@ObjectType('VotingParameters')
export class VotingParametersModel {
  @Field(() => Float, { description: 'Wilson z (confidence)' })
  z!: number;

  @Field(() => Float, { description: 'distinct voters a round needs' })
  quorum!: number;

  @Field(() => Float, { description: 'distinct upvoters the leader needs' })
  minVotes!: number;

  @Field(() => Float, { description: 'minimum Wilson lower bound of the leader' })
  minScore!: number;

  @Field(() => Float, { description: 'minimum lead over the runner-up' })
  minMargin!: number;

  @Field(() => Float, { description: 'round length, ms' })
  duration!: number;

  @Field(() => Float, { description: 'earliest early close, ms' })
  minDuration!: number;

  @Field(() => Float, { description: 'score for an early close' })
  earlyScore!: number;

  @Field(() => Float, { description: 'margin for an early close' })
  earlyMargin!: number;

  @Field(() => Float, { description: 'deadline extensions' })
  maxExtensions!: number;

  @Field(() => Float, { description: 'length of an extension, ms' })
  extension!: number;

  @Field(() => Float, { description: 'a challenger must lead by this to reopen' })
  reopenMargin!: number;

  @Field(() => Float, { description: 'wait before an UNDECIDED unit reopens, ms' })
  reopenCooldown!: number;

  @Field(() => Float, { description: 'upper bound below which a candidate is BAD' })
  badUB!: number;

  @Field(() => Float, { description: 'floor weight of a vote' })
  wMin!: number;

  @Field(() => Float, { description: 'reputation prior alpha' })
  alpha!: number;

  @Field(() => Float, { description: 'reputation prior beta' })
  beta!: number;

  @Field(() => Float, { description: 'younger accounts vote with wMin, ms' })
  minAccountAge!: number;

  @Field(() => Float, { description: 'reputation multiplier for gold units' })
  goldFactor!: number;

  @Field(() => Float, { description: 'votes per voter per hour' })
  maxVotesPerHour!: number;

  @Field(() => Float, { description: 'submissions per user per hour' })
  maxCandidatesPerHour!: number;
}
