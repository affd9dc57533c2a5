import { errorFactory } from '../common/errors/app-error';

export type ModerationErrorCode =
  | 'REPORT_TARGET_NOT_FOUND'
  | 'DUPLICATE_REPORT'
  | 'CANNOT_REPORT_SELF'
  | 'REPORT_NOT_FOUND'
  | 'REPORT_RESOLVED'
  | 'ACTION_NOT_APPLICABLE'
  | 'CANNOT_BAN'
  | 'BAN_NOT_FOUND';

export const moderationError = errorFactory<ModerationErrorCode>({
  REPORT_TARGET_NOT_FOUND: 404,
  DUPLICATE_REPORT: 409,
  CANNOT_REPORT_SELF: 400,
  REPORT_NOT_FOUND: 404,
  REPORT_RESOLVED: 409,
  ACTION_NOT_APPLICABLE: 400,
  CANNOT_BAN: 409,
  BAN_NOT_FOUND: 404,
});
