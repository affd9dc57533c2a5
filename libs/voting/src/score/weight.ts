import type { EpochMs, Id, VoterProfile } from '../model/types';
import type { VotingParams } from '../round/params';

export type WeightParams = Pick<VotingParams, 'wMin' | 'alpha' | 'beta' | 'minAccountAge'>;

/** Beta-smoothed agreement ratio (agree + α) / (agree + disagree + α + β); 0.5 for a newcomer. */
export function reliability(
  agree: number,
  disagree: number,
  params: Pick<VotingParams, 'alpha' | 'beta'>,
): number {
  return (agree + params.alpha) / (agree + disagree + params.alpha + params.beta);
}

export type WeightBasis = 'BANNED' | 'NEW_ACCOUNT' | 'COLLUSION' | 'REPUTATION';

export interface WeightAtCast {
  readonly weight: number;
  readonly basis: WeightBasis;
}

/** The weight and why it was chosen; `weightAtCast` is the number alone. */
export function explainWeightAtCast(
  voter: VoterProfile,
  authorId: Id,
  now: EpochMs,
  params: WeightParams,
): WeightAtCast {
  if (voter.banned) return { weight: 0, basis: 'BANNED' };
  if (now - voter.accountCreatedAt < params.minAccountAge) {
    return { weight: params.wMin, basis: 'NEW_ACCOUNT' };
  }
  if (voter.collusionPartners.includes(authorId))
    return { weight: params.wMin, basis: 'COLLUSION' };
  const r = reliability(voter.agree, voter.disagree, params);
  return { weight: params.wMin + (1 - params.wMin) * r, basis: 'REPUTATION' };
}

/**
 * C2 vote weight, fixed when the vote is cast: 0 if banned; wMin for young accounts or a flagged
 * collusion pair with the author; else wMin + (1 − wMin)·R_v, always within [wMin, 1].
 */
export function weightAtCast(
  voter: VoterProfile,
  authorId: Id,
  now: EpochMs,
  params: WeightParams,
): number {
  return explainWeightAtCast(voter, authorId, now, params).weight;
}
