import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kind';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKind]: K;
};

registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'CANDIDATE_WON / CANDIDATE_LOST: a round with your candidate decided. REPLY: someone answered in a thread you wrote in. MENTION: someone wrote @you. QUESTION_ANSWERED: your question got an official answer. ROUND_NEEDS_DECISION: a round in your locale waits for a manager. REPORT_HANDLED: a report you filed was handled.',
});

@ObjectType('Notification', { description: 'Something that happened to you or your work.' })
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Boolean)
  read!: boolean;

  @Field(() => String, { nullable: true, description: 'The project it happened in.' })
  projectSlug!: string | null;

  @Field(() => String, { nullable: true })
  projectName!: string | null;

  @Field(() => String, { nullable: true })
  locale!: string | null;

  @Field(() => ID, { nullable: true })
  stringId!: string | null;

  @Field(() => String, { nullable: true, description: 'The source string key.' })
  stringKey!: string | null;

  @Field(() => ID, { nullable: true })
  threadId!: string | null;

  @Field(() => ID, { nullable: true })
  commentId!: string | null;

  @Field(() => ID, { nullable: true })
  roundId!: string | null;

  @Field(() => String, { nullable: true, description: 'Who did it (display name).' })
  actorName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A short excerpt (your candidate, the comment); plain text, never HTML.',
  })
  excerpt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'REPORT_HANDLED: what was done (e.g. HIDE, DISMISS).',
  })
  action!: string | null;
}

@ObjectType('NotificationPage')
export class NotificationPageModel {
  @Field(() => [NotificationModel])
  items!: NotificationModel[];

  @Field(() => Int, { description: 'All your unread notifications, not only this page.' })
  unreadCount!: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for older ones.' })
  nextCursor!: string | null;
}
