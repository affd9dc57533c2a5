import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PostedComment')
export class PostedCommentModel {
  @Field(() => ID)
  threadId!: string;

  @Field(() => ID)
  commentId!: string;
}
