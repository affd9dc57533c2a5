import { ArgsType, Field, ID } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import type { ApiTokenScope } from '../api-token.entity';
import { API_TOKEN_SCOPES } from './api-token.model';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const SLUG_MESSAGE = 'project must be a project slug (lowercase letters, digits, dashes)';

@ArgsType()
export class ProjectArgs {
  @Field(() => String, { description: 'Project slug' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  project!: string;
}

@ArgsType()
export class CreateApiTokenArgs extends ProjectArgs {
  @Field(() => String)
  @IsString()
  @Length(1, 80, { message: 'name must be 1 to 80 characters' })
  name!: string;

  @Field(() => [API_TOKEN_SCOPES])
  @ArrayMinSize(1, { message: 'scopes must name at least one of pull, push' })
  @ArrayMaxSize(2)
  @IsIn(['pull', 'push'], { each: true })
  scopes!: ApiTokenScope[];
}

@ArgsType()
export class RevokeApiTokenArgs extends ProjectArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an API token id' })
  id!: string;
}
