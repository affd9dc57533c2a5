import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('MyLocale', { description: 'A project and locale you joined or manage.' })
export class MyLocaleModel {
  @Field(() => String)
  project!: string;

  @Field(() => String)
  projectName!: string;

  @Field(() => String, { description: "A locale; '' for a role that spans the project" })
  locale!: string;

  @Field(() => String)
  role!: string;
}

@ObjectType('MyCandidate', { description: 'A candidate you wrote, and where it stands.' })
export class MyCandidateModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  project!: string;

  @Field(() => String)
  locale!: string;

  @Field(() => ID)
  stringId!: string;

  @Field(() => String)
  key!: string;

  @Field(() => String, { description: 'The text (the `other` form of a plural)' })
  text!: string;

  @Field(() => String, {
    description:
      'WON (ships), VOTING (its round is open), LOST (another candidate won), WITHDRAWN, REJECTED or OUTDATED',
  })
  state!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('MyCandidatePage')
export class MyCandidatePageModel {
  @Field(() => [MyCandidateModel])
  items!: MyCandidateModel[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('MyWork', {
  description: 'The personal page: your locales, candidates, votes and wins.',
})
export class MyWorkModel {
  @Field(() => [MyLocaleModel])
  locales!: MyLocaleModel[];

  @Field(() => Int)
  candidates!: number;

  @Field(() => Int)
  votes!: number;

  @Field(() => Int, { description: 'Candidates of yours that won their round' })
  wins!: number;
}
