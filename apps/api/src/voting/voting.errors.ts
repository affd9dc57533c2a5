import { VotingErrorCode, type VotingError } from '@chorus/voting';
import { AppError, errorFactory } from '../common/errors/app-error';

/** HTTP status of each libs/voting guard, and the API's own voting errors. */
const GUARD_STATUS: Readonly<Record<VotingErrorCode, number>> = {
  [VotingErrorCode.SELF_VOTE]: 403,
  [VotingErrorCode.DUPLICATE_CANDIDATE]: 409,
  [VotingErrorCode.ROUND_CLOSING]: 409,
  [VotingErrorCode.CANDIDATE_INELIGIBLE]: 409,
  [VotingErrorCode.RATE_LIMITED]: 429,
  [VotingErrorCode.UNIT_LOCKED]: 423,
  [VotingErrorCode.ACTIVE_CANDIDATE_EXISTS]: 409,
  [VotingErrorCode.UNKNOWN_CANDIDATE]: 404,
  [VotingErrorCode.NOT_AUTHOR]: 403,
  [VotingErrorCode.SOURCE_MISMATCH]: 409,
};

export function fromVotingError(error: VotingError): AppError {
  return new AppError(error.code, error.message, GUARD_STATUS[error.code]);
}

export type VotingApiErrorCode =
  'CANDIDATE_NOT_FOUND' | 'STRING_NOT_FOUND' | 'CHECK_FAILED' | 'INVALID_VOTE' | 'STRING_RETIRED';

export const votingError = errorFactory<VotingApiErrorCode>({
  CANDIDATE_NOT_FOUND: 404,
  STRING_NOT_FOUND: 404,
  CHECK_FAILED: 422,
  INVALID_VOTE: 400,
  STRING_RETIRED: 410,
});
