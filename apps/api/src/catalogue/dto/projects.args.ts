import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SLUG_PATTERN } from '../../identity/dto/api-token.args';

export const PROJECTS_PAGE_MAX = 100;

/** A page of the project list, in name order: `after` is the slug of the previous page's last. */
@ArgsType()
export class ProjectsArgs {
  @Field(() => Int, {
    defaultValue: PROJECTS_PAGE_MAX,
    description: `Page size (1–${PROJECTS_PAGE_MAX}, default ${PROJECTS_PAGE_MAX})`,
  })
  @IsInt()
  @Min(1, { message: `first must be 1 to ${PROJECTS_PAGE_MAX}` })
  @Max(PROJECTS_PAGE_MAX, { message: `first must be 1 to ${PROJECTS_PAGE_MAX}` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "The slug of the previous page's last project; the next page starts after it",
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'after must be a project slug from the previous page' })
  after?: string | null;
}
