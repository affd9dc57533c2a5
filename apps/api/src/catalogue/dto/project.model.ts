import { Field, ID, ObjectType } from '@nestjs/graphql';
import { VotingParametersModel } from './voting-parameters.model';

@ObjectType('Project')
export class ProjectModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'BCP 47 code of the language the catalogue is written in' })
  sourceLocale!: string;

  @Field(() => String, { description: 'public or private' })
  visibility!: string;

  @Field(() => VotingParametersModel, {
    description: 'Effective voting parameters (defaults merged with the overrides)',
  })
  votingParameters!: VotingParametersModel;

  @Field(() => Boolean, {
    description: 'Open to volunteers: listed, and anyone signed in may join',
  })
  open!: boolean;

  @Field(() => [String], { description: 'Locales the owner asks volunteers for' })
  helpWantedLocales!: string[];

  @Field(() => Boolean, {
    description: 'The owner lets the in-context package upload screenshots with key regions',
  })
  inContextScreenshots!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}
