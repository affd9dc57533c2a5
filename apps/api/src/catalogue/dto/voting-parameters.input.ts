import { Field, Float, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional } from 'class-validator';

/**
 * Overrides of the voting parameters (DOMAIN C1/C2); omitted fields use the defaults. The whole
 * set is checked by @chorus/voting validateParams before it is stored.
 */
@InputType()
export class VotingParametersInput {
  @Field(() => Float, { nullable: true, description: 'Wilson z (confidence)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'z must be a number' })
  z?: number | null;

  @Field(() => Float, { nullable: true, description: 'distinct voters a round needs' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'quorum must be a number' })
  quorum?: number | null;

  @Field(() => Float, { nullable: true, description: 'distinct upvoters the leader needs' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'minVotes must be a number' })
  minVotes?: number | null;

  @Field(() => Float, { nullable: true, description: 'minimum Wilson lower bound of the leader' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'minScore must be a number' })
  minScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'minimum lead over the runner-up' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'minMargin must be a number' })
  minMargin?: number | null;

  @Field(() => Float, { nullable: true, description: 'round length, ms' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'duration must be a number' })
  duration?: number | null;

  @Field(() => Float, { nullable: true, description: 'earliest early close, ms' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'minDuration must be a number' })
  minDuration?: number | null;

  @Field(() => Float, { nullable: true, description: 'score for an early close' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'earlyScore must be a number' })
  earlyScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'margin for an early close' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'earlyMargin must be a number' })
  earlyMargin?: number | null;

  @Field(() => Float, { nullable: true, description: 'deadline extensions' })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'maxExtensions must be a number' },
  )
  maxExtensions?: number | null;

  @Field(() => Float, { nullable: true, description: 'length of an extension, ms' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'extension must be a number' })
  extension?: number | null;

  @Field(() => Float, { nullable: true, description: 'a challenger must lead by this to reopen' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'reopenMargin must be a number' })
  reopenMargin?: number | null;

  @Field(() => Float, { nullable: true, description: 'wait before an UNDECIDED unit reopens, ms' })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'reopenCooldown must be a number' },
  )
  reopenCooldown?: number | null;

  @Field(() => Float, { nullable: true, description: 'upper bound below which a candidate is BAD' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'badUB must be a number' })
  badUB?: number | null;

  @Field(() => Float, { nullable: true, description: 'floor weight of a vote' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'wMin must be a number' })
  wMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'reputation prior alpha' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'alpha must be a number' })
  alpha?: number | null;

  @Field(() => Float, { nullable: true, description: 'reputation prior beta' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'beta must be a number' })
  beta?: number | null;

  @Field(() => Float, { nullable: true, description: 'younger accounts vote with wMin, ms' })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'minAccountAge must be a number' },
  )
  minAccountAge?: number | null;

  @Field(() => Float, { nullable: true, description: 'reputation multiplier for gold units' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'goldFactor must be a number' })
  goldFactor?: number | null;

  @Field(() => Float, { nullable: true, description: 'votes per voter per hour' })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'maxVotesPerHour must be a number' },
  )
  maxVotesPerHour?: number | null;

  @Field(() => Float, { nullable: true, description: 'submissions per user per hour' })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'maxCandidatesPerHour must be a number' },
  )
  maxCandidatesPerHour?: number | null;
}
