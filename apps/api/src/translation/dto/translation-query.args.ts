import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  isUUID,
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

/** Lengths of a project slug and of a locale code argument: [min, max]. */
const SLUG_LENGTH = [1, 63] as const;
const LOCALE_LENGTH = [2, 35] as const;

@ArgsType()
export class ProjectArgs {
  @Field(() => String, { description: 'Project slug' })
  @IsString()
  @Length(...SLUG_LENGTH)
  project!: string;
}

@ArgsType()
export class ProjectLocaleArgs extends ProjectArgs {
  @Field(() => String, { description: 'BCP 47 code of a target locale of the project' })
  @IsString()
  @Length(...LOCALE_LENGTH)
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

/** Most skipped strings one nextString call may name. */
export const MAX_SKIPPED = 1000;

/**
 * The limits of nextString's arguments (the same as ProjectLocaleArgs' and the other queries'),
 * checked by hand: the resolver takes its arguments one by one, which the global ValidationPipe
 * passes through, because class-transformer and class-validator cost ~65 µs per call there, 6 % of
 * this hot path's CPU. The GraphQL schema still types each argument, the filter enum included.
 */
export function nextStringArgsProblems(args: {
  readonly project: string;
  readonly locale: string;
  readonly skip: readonly string[] | null | undefined;
}): string[] {
  const problems: string[] = [];
  const outside = (name: string, value: string, [min, max]: readonly [number, number]) => {
    if (value.length < min || value.length > max)
      problems.push(
        `${name} must be longer than or equal to ${min} and shorter than or equal to ${max} characters`,
      );
  };
  outside('project', args.project, SLUG_LENGTH);
  outside('locale', args.locale, LOCALE_LENGTH);
  const skip = args.skip ?? [];
  if (skip.length > MAX_SKIPPED)
    problems.push(`skip must contain no more than ${MAX_SKIPPED} elements`);
  if (skip.some((id) => !isUUID(id, 'all'))) problems.push('each value in skip must be a UUID');
  return problems;
}

@ArgsType()
export class StringLocaleArgs {
  @Field(() => ID, { description: 'Source string id' })
  @IsUUID('all')
  stringId!: string;

  @Field(() => String)
  @IsString()
  @Length(...LOCALE_LENGTH)
  locale!: string;
}

@ArgsType()
export class StringByIdArgs {
  @Field(() => ID, { description: 'Source string id' })
  @IsUUID('all')
  id!: string;

  @Field(() => String)
  @IsString()
  @Length(...LOCALE_LENGTH)
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
