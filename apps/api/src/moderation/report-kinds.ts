/** Why a volunteer reports something; ABUSE_SCAN marks the reports the abuse scan files. */
export const USER_REPORT_REASONS = [
  'WRONG',
  'OFFENSIVE',
  'SPAM',
  'MACHINE_TRANSLATED',
  'OTHER',
] as const;
export const REPORT_REASONS = [...USER_REPORT_REASONS, 'ABUSE_SCAN'] as const;
export type UserReportReason = (typeof USER_REPORT_REASONS)[number];
export type ReportReason = (typeof REPORT_REASONS)[number];

export type ReportTargetKind = 'CANDIDATE' | 'USER';

/** A moderator's action on a report, and the resolution it leaves on every open report of the target. */
export const MODERATION_ACTIONS = ['HIDE', 'REJECT', 'WARN', 'BAN', 'DISMISS'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const REPORT_RESOLUTIONS = ['HIDDEN', 'REJECTED', 'WARNED', 'BANNED', 'DISMISSED'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

export const RESOLUTION_OF: Readonly<Record<ModerationAction, ReportResolution>> = {
  HIDE: 'HIDDEN',
  REJECT: 'REJECTED',
  WARN: 'WARNED',
  BAN: 'BANNED',
  DISMISS: 'DISMISSED',
};

/** Bounds on what a report and an action carry. */
export const REPORT_NOTE_MAX = 1000;
export const ACTION_REASON_MAX = 500;
export const BAN_DAYS_MAX = 3650;
export const QUEUE_PAGE_MAX = 100;
