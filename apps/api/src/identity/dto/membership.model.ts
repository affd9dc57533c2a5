import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ProjectRole } from '../membership.entity';
import { UserModel } from './user.model';

export const PROJECT_ROLES: { readonly [K in ProjectRole]: K } = {
  owner: 'owner',
  developer: 'developer',
  language_manager: 'language_manager',
  translator: 'translator',
};

registerEnumType(PROJECT_ROLES, {
  name: 'ProjectRole',
  description: 'language_manager is per locale; the other roles span the project',
});

@ObjectType('Member', { description: 'One role of one user in a project.' })
export class MemberModel {
  @Field(() => ID, { description: 'Membership id (removeMember takes it)' })
  id!: string;

  @Field(() => UserModel)
  user!: UserModel;

  @Field(() => PROJECT_ROLES)
  role!: ProjectRole;

  @Field(() => String, {
    nullable: true,
    description: 'The locale of a language_manager, or the one a translator joined for',
  })
  locale!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}
