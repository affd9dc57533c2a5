import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { StringFilter } from './translation-enums';

/** Postgres text cannot hold U+0000; refused here with a message rather than by the database. */
// eslint-disable-next-line no-control-regex -- matching the NUL character is the point
const NO_NUL = /^[^\u0000]*$/;

@ArgsType()
export class ProjectArgs {
  @Field(() => String, { description: 'Project slug' })
  @IsString()
  @Length(1, 63)
  project!: string;
}

@ArgsType()
export class ProjectLocaleArgs extends ProjectArgs {
  @Field(() => String, { description: 'BCP 47 code of a target locale of the project' })
  @IsString()
  @Length(2, 35)
  locale!: string;
}

@ArgsType()
export class StringsArgs extends ProjectLocaleArgs {
  @Field(() => StringFilter, { defaultValue: StringFilter.ALL })
  @IsEnum(StringFilter)
  filter!: StringFilter;

  @Field(() => String, {
    nullable: true,
    description: 'Substring (or near match) of key or source text',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NO_NUL, { message: 'search must not contain a NUL character (U+0000)' })
  search?: string | null;

  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1–200' })
  @IsInt()
  @Min(1)
  @Max(200)
  first!: number;

  @Field(() => String, { nullable: true, description: 'pageInfo.endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NO_NUL, { message: 'after must not contain a NUL character (U+0000)' })
  after?: string | null;
}

@ArgsType()
export class NextStringArgs extends ProjectLocaleArgs {
  @Field(() => StringFilter, { defaultValue: StringFilter.UNTRANSLATED })
  @IsEnum(StringFilter)
  filter!: StringFilter;

  @Field(() => [ID], { nullable: true, description: 'Strings the volunteer skipped' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  skip?: string[] | null;
}

@ArgsType()
export class StringLocaleArgs {
  @Field(() => ID, { description: 'Source string id' })
  @IsUUID('all')
  stringId!: string;

  @Field(() => String)
  @IsString()
  @Length(2, 35)
  locale!: string;
}

@ArgsType()
export class StringByIdArgs {
  @Field(() => ID, { description: 'Source string id' })
  @IsUUID('all')
  id!: string;

  @Field(() => String)
  @IsString()
  @Length(2, 35)
  locale!: string;
}

@ArgsType()
export class StringByKeyArgs extends ProjectLocaleArgs {
  @Field(() => String, { description: 'i18next namespace, e.g. "translation"' })
  @IsString()
  @Length(1, 200)
  @Matches(NO_NUL, { message: 'namespace must not contain a NUL character (U+0000)' })
  namespace!: string;

  @Field(() => String, {
    description:
      'The key as passed to t(): the base key of a plural ("items", not "items_one"); a context variant with its suffix ("friend_male")',
  })
  @IsString()
  @Length(1, 1000)
  @Matches(NO_NUL, { message: 'key must not contain a NUL character (U+0000)' })
  key!: string;
}
