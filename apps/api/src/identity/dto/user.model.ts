import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('Me', { description: 'The signed-in user, with private fields.' })
export class MeModel extends UserModel {
  @Field(() => String)
  email!: string;

  @Field(() => [String], { description: 'Languages you translate into (setMyLanguages)' })
  languages!: string[];
}
