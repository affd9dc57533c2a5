import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { ProjectArgs } from '../../identity/dto/api-token.args';
import { PROJECT_ROLES } from '../../identity/dto/membership.model';
import type { ProjectRole } from '../../identity/membership.entity';

/** Locale codes in arguments: BCP 47 is at most 35 characters in practice. */
const LOCALE_LENGTH = [2, 35] as const;
/** The most locales one list may name (help wanted, a person's languages). */
export const MAX_LOCALES_IN_LIST = 50;

@ArgsType()
export class SetProjectOpenArgs extends ProjectArgs {
  @Field(() => Boolean, {
    description: 'Open to volunteers: listed, and anyone signed in may join',
  })
  @IsBoolean()
  open!: boolean;

  @Field(() => [String], {
    nullable: true,
    description: 'Locales that want help (each a locale of the project); omit to keep the list',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LOCALES_IN_LIST)
  @IsString({ each: true })
  @Length(LOCALE_LENGTH[0], LOCALE_LENGTH[1], { each: true })
  helpWantedLocales?: string[] | null;
}

@ArgsType()
export class JoinProjectArgs extends ProjectArgs {
  @Field(() => String, { description: 'A locale of the project to translate into' })
  @IsString()
  @Length(LOCALE_LENGTH[0], LOCALE_LENGTH[1])
  locale!: string;
}

@ArgsType()
export class CreateInviteArgs extends ProjectArgs {
  @Field(() => PROJECT_ROLES, { description: 'developer, language_manager or translator' })
  @IsIn(['developer', 'language_manager', 'translator'], {
    message: 'role must be developer, language_manager or translator (owners are added by hand)',
  })
  role!: Exclude<ProjectRole, 'owner'>;

  @Field(() => String, {
    nullable: true,
    description: 'Required for language_manager, optional for translator, refused for developer',
  })
  @IsOptional()
  @IsString()
  @Length(LOCALE_LENGTH[0], LOCALE_LENGTH[1])
  locale?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'After this the link stops working (≤ 1 year)',
  })
  @IsOptional()
  expiresAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'How many people may use the link (1–1000)' })
  @IsOptional()
  @Min(1)
  @Max(1000)
  maxUses?: number | null;
}

@ArgsType()
export class InviteIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an invite id' })
  id!: string;
}

@ArgsType()
export class AcceptInviteArgs {
  @Field(() => String, { description: 'The token of the invite link' })
  @IsString()
  @Length(10, 100, { message: 'token must be the token of an invite link' })
  token!: string;
}

@ArgsType()
export class SetLocaleGoalArgs extends ProjectArgs {
  @Field(() => String)
  @IsString()
  @Length(LOCALE_LENGTH[0], LOCALE_LENGTH[1])
  locale!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Coverage to reach, 1–100; null removes the goal',
  })
  @IsOptional()
  @Min(1)
  @Max(100)
  targetPercent?: number | null;

  @Field(() => String, { nullable: true, description: 'Due day, YYYY-MM-DD (UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueDate must be a day, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a day, YYYY-MM-DD' })
  dueDate?: string | null;
}

@ArgsType()
export class SetMyLanguagesArgs {
  @Field(() => [String], { description: 'BCP 47 codes you translate into (at most 50)' })
  @ArrayMaxSize(MAX_LOCALES_IN_LIST)
  @IsString({ each: true })
  @Length(LOCALE_LENGTH[0], LOCALE_LENGTH[1], { each: true })
  languages!: string[];
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (1–50, default 20)' })
  @IsOptional()
  @Min(1)
  @Max(50)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  after?: string | null;
}

@ArgsType()
export class ProjectsThatNeedYouArgs extends PageArgs {
  @Field(() => [String], {
    nullable: true,
    description: 'Languages to look for; defaults to your languages (Me.languages)',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LOCALES_IN_LIST)
  @IsString({ each: true })
  @Length(LOCALE_LENGTH[0], LOCALE_LENGTH[1], { each: true })
  languages?: string[] | null;
}
