import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PROJECT_ROLES } from '../../identity/dto/membership.model';
import type { ProjectRole } from '../../identity/membership.entity';

@ObjectType('Invite', {
  description: 'An invite link to a project; its token is never shown again.',
})
export class InviteModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Project slug' })
  project!: string;

  @Field(() => PROJECT_ROLES)
  role!: ProjectRole;

  @Field(() => String, { nullable: true })
  locale!: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Int, { nullable: true })
  maxUses!: number | null;

  @Field(() => Int)
  uses!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('CreatedInvite')
export class CreatedInviteModel {
  @Field(() => InviteModel)
  invite!: InviteModel;

  @Field(() => String, { description: 'The link token: shown once, only its hash is stored' })
  token!: string;
}
