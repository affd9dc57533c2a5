import { Field, ID, ObjectType } from '@nestjs/graphql';

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

  @Field(() => Date)
  createdAt!: Date;
}
