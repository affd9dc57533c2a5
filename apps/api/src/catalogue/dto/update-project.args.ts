import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../identity/dto/api-token.args';
import type { ProjectVisibility } from '../project.entity';
import { VotingParametersInput } from './voting-parameters.input';

@ArgsType()
export class UpdateProjectArgs {
  @Field(() => String)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE.replace('project', 'slug') })
  slug!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'public or private' })
  @IsOptional()
  @IsIn(['public', 'private'])
  visibility?: ProjectVisibility | null;

  @Field(() => VotingParametersInput, {
    nullable: true,
    description: 'Replaces the overrides: fields left out fall back to the defaults',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => VotingParametersInput)
  votingParameters?: VotingParametersInput | null;
}
