/** What a notification tells its user. The web client renders each kind with its own sentence. */
export const NOTIFICATION_KINDS = [
  'CANDIDATE_WON',
  'CANDIDATE_LOST',
  'REPLY',
  'MENTION',
  'QUESTION_ANSWERED',
  'ROUND_NEEDS_DECISION',
  'REPORT_HANDLED',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
