import { document } from '../graphql-client';

export type NotificationKind =
  | 'CANDIDATE_WON'
  | 'CANDIDATE_LOST'
  | 'REPLY'
  | 'MENTION'
  | 'QUESTION_ANSWERED'
  | 'ROUND_NEEDS_DECISION'
  | 'REPORT_HANDLED'
  | 'MODERATION_WARNING'
  | 'PROJECT_BAN';

export interface AppNotification {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly createdAt: string;
  readonly read: boolean;
  readonly projectSlug: string | null;
  readonly projectName: string | null;
  readonly locale: string | null;
  readonly stringId: string | null;
  readonly stringKey: string | null;
  readonly actorName: string | null;
  readonly excerpt: string | null;
  readonly action: string | null;
}

const FIELDS =
  'id kind createdAt read projectSlug projectName locale stringId stringKey actorName excerpt action';

export const NOTIFICATIONS = document<{
  notifications: { items: AppNotification[]; unreadCount: number; nextCursor: string | null };
}>(
  `query Notifications { notifications(first: 20) { items { ${FIELDS} } unreadCount nextCursor } }`,
);

export const MARK_NOTIFICATIONS_READ = document<
  { markNotificationsRead: number },
  { ids?: string[]; all?: boolean }
>(
  'mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }',
);

export const NOTIFICATION_ADDED = document<{ notificationAdded: AppNotification }>(
  `subscription NotificationAdded { notificationAdded { ${FIELDS} } }`,
);
