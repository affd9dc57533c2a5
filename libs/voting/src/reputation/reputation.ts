import type { VotingParams } from '../round/params';
import { reliability } from '../score/weight';

/** Per user (and, in the API, per locale): voter and translator track records. */
export interface UserReputation {
  readonly agree: number;
  readonly disagree: number;
  readonly accepted: number;
  readonly rejected: number;
}

export const EMPTY_REPUTATION: UserReputation = Object.freeze({
  agree: 0,
  disagree: 0,
  accepted: 0,
  rejected: 0,
});

type Prior = Pick<VotingParams, 'alpha' | 'beta'>;

/** R_v: how often the voter agreed with decided outcomes (C2). */
export function voterReliability(r: UserReputation, params: Prior): number {
  return reliability(r.agree, r.disagree, params);
}

/** R_t: how often the translator's candidates won. Never part of a score (no rich-get-richer). */
export function translatorReliability(r: UserReputation, params: Prior): number {
  return reliability(r.accepted, r.rejected, params);
}

export interface RoleHintThresholds {
  readonly trustedTranslatorMinReliability: number;
  readonly trustedTranslatorMinAccepted: number;
  readonly reviewVoterMaxReliability: number;
  readonly reviewVoterMinEvaluated: number;
}

export const DEFAULT_ROLE_HINTS: RoleHintThresholds = Object.freeze({
  trustedTranslatorMinReliability: 0.8,
  trustedTranslatorMinAccepted: 20,
  reviewVoterMaxReliability: 0.35,
  reviewVoterMinEvaluated: 10,
});

export type RoleHint = 'TRUSTED_TRANSLATOR' | 'VOTER_REVIEW';

/** C3 role hints: nominate a trusted translator; flag an unreliable voter for a manager's review. */
export function roleHints(
  r: UserReputation,
  params: Prior,
  thresholds: RoleHintThresholds = DEFAULT_ROLE_HINTS,
): RoleHint[] {
  const hints: RoleHint[] = [];
  if (
    translatorReliability(r, params) >= thresholds.trustedTranslatorMinReliability &&
    r.accepted >= thresholds.trustedTranslatorMinAccepted
  ) {
    hints.push('TRUSTED_TRANSLATOR');
  }
  if (
    voterReliability(r, params) < thresholds.reviewVoterMaxReliability &&
    r.agree + r.disagree >= thresholds.reviewVoterMinEvaluated
  ) {
    hints.push('VOTER_REVIEW');
  }
  return hints;
}
