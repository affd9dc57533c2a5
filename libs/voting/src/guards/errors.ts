/** Error codes the API maps to GraphQL `extensions.code` (one enum per module, STYLE.md). */
export const VotingErrorCode = {
  SELF_VOTE: 'SELF_VOTE',
  DUPLICATE_CANDIDATE: 'DUPLICATE_CANDIDATE',
  ROUND_CLOSING: 'ROUND_CLOSING',
  CANDIDATE_INELIGIBLE: 'CANDIDATE_INELIGIBLE',
  RATE_LIMITED: 'RATE_LIMITED',
  UNIT_LOCKED: 'UNIT_LOCKED',
  /** At most one active candidate per author and unit: withdraw, then resubmit. */
  ACTIVE_CANDIDATE_EXISTS: 'ACTIVE_CANDIDATE_EXISTS',
  /** Ids, round or source hash of the event do not belong to this unit's state. */
  UNKNOWN_CANDIDATE: 'UNKNOWN_CANDIDATE',
  NOT_AUTHOR: 'NOT_AUTHOR',
  SOURCE_MISMATCH: 'SOURCE_MISMATCH',
} as const;

export type VotingErrorCode = (typeof VotingErrorCode)[keyof typeof VotingErrorCode];

export interface VotingError {
  readonly code: VotingErrorCode;
  /** Says what was wrong and what to do. */
  readonly message: string;
}

export function votingError(code: VotingErrorCode, message: string): VotingError {
  return { code, message };
}

/** For callers that prefer exceptions: `throw new VotingException(result.error)`. */
export class VotingException extends Error {
  readonly code: VotingErrorCode;
  constructor(error: VotingError) {
    super(error.message);
    this.name = 'VotingException';
    this.code = error.code;
  }
}
