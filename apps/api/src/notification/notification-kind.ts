/** What a notification tells its user. The web client renders each kind with its own sentence. */
export const NOTIFICATION_KINDS = [
  'CANDIDATE_WON',
  'CANDIDATE_LOST',
  'REPLY',
  'MENTION',
  'QUESTION_ANSWERED',
  'ROUND_NEEDS_DECISION',
  'REPORT_HANDLED',
  // Moderation (issue 18 item 4): the user a report was about, warned or banned from a project.
  'MODERATION_WARNING',
  'PROJECT_BAN',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
