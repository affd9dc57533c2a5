import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { ProjectRole } from '../membership.entity';
import { ProjectArgs } from './api-token.args';
import { PROJECT_ROLES } from './membership.model';

@ArgsType()
export class AddMemberArgs extends ProjectArgs {
  @Field(() => String, { description: 'Email of an existing account' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => PROJECT_ROLES)
  @IsIn(Object.keys(PROJECT_ROLES))
  role!: ProjectRole;

  @Field(() => String, {
    nullable: true,
    description: 'Required for language_manager (a locale of the project); refused otherwise',
  })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  locale?: string | null;
}

@ArgsType()
export class RemoveMemberArgs extends ProjectArgs {
  @Field(() => ID, { description: 'Membership id (Member.id)' })
  @IsUUID('all', { message: 'id must be a membership id' })
  id!: string;
}
