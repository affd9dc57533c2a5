import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../identity/dto/user.model';

@ObjectType('ManagerApproval', {
  description: 'Who approved a winner by hand and why (the audit log of the approval).',
})
export class ManagerApprovalModel {
  @Field(() => UserModel, { nullable: true, description: 'Null when the account is gone.' })
  by!: UserModel | null;

  @Field(() => String)
  reason!: string;

  @Field(() => Date)
  at!: Date;
}
