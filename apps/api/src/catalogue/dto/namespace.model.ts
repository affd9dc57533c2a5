import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Namespace', { description: 'One i18next namespace: one JSON file per locale.' })
export class NamespaceModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { description: 'true: keys split at "." (nested); false: flat keys' })
  nestedKeys!: boolean;

  @Field(() => Int, { description: 'Source strings in the catalogue (retired ones excluded)' })
  stringCount!: number;

  @Field(() => Date)
  createdAt!: Date;
}
