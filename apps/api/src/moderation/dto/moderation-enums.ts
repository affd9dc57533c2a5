import { registerEnumType } from '@nestjs/graphql';

/** What a volunteer may give as the reason of a report. */
export enum ReportReasonInput {
  WRONG = 'WRONG',
  OFFENSIVE = 'OFFENSIVE',
  SPAM = 'SPAM',
  MACHINE_TRANSLATED = 'MACHINE_TRANSLATED',
  OTHER = 'OTHER',
}

/** A report's reason as the queue shows it: ABUSE_SCAN for the abuse scan's own reports. */
export enum ReportReason {
  WRONG = 'WRONG',
  OFFENSIVE = 'OFFENSIVE',
  SPAM = 'SPAM',
  MACHINE_TRANSLATED = 'MACHINE_TRANSLATED',
  OTHER = 'OTHER',
  ABUSE_SCAN = 'ABUSE_SCAN',
}

export enum ReportTarget {
  CANDIDATE = 'CANDIDATE',
  USER = 'USER',
}

export enum ModerationAction {
  HIDE = 'HIDE',
  REJECT = 'REJECT',
  WARN = 'WARN',
  BAN = 'BAN',
  DISMISS = 'DISMISS',
}

export enum ReportResolution {
  HIDDEN = 'HIDDEN',
  REJECTED = 'REJECTED',
  WARNED = 'WARNED',
  BANNED = 'BANNED',
  DISMISSED = 'DISMISSED',
}

registerEnumType(ReportReasonInput, { name: 'ReportReasonInput' });
registerEnumType(ReportReason, { name: 'ReportReason' });
registerEnumType(ReportTarget, { name: 'ReportTarget' });
registerEnumType(ModerationAction, {
  name: 'ModerationAction',
  description:
    'HIDE: reject the candidate and hide it from everyone but managers; REJECT: reject it; WARN: notify the user; BAN: ban the user from the project for banDays; DISMISS: no action.',
});
registerEnumType(ReportResolution, { name: 'ReportResolution' });
