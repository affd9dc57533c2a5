import type { Vote } from '../model/types';
import { reliability } from '../score/weight';
import type { VotingParams } from './params';

/** The cast weight of an account past minAccountAge with no record: wMin + (1 − wMin)·R(0, 0). */
export function newcomerWeight(params: Pick<VotingParams, 'wMin' | 'alpha' | 'beta'>): number {
  return params.wMin + (1 - params.wMin) * reliability(0, 0, params);
}

/**
 * The votes a challenge to a decision is judged on. A manager's approval is overturned only by
 * voters with a record of agreeing with decisions (cast weight above a newcomer's): new accounts
 * vote at wMin and accounts without history at the newcomer weight, so sign-ups made for the
 * purpose, however many, count nothing here, while the community's established voters still can
 * re-open. A decision the votes made is challenged by the same votes that could have made it.
 */
export function challengeVotes(
  votes: readonly Vote[],
  params: Pick<VotingParams, 'wMin' | 'alpha' | 'beta'>,
  managerApproved: boolean,
): readonly Vote[] {
  if (!managerApproved) return votes;
  const floor = newcomerWeight(params);
  // Weights are snapshotted floats: a newcomer's own weight must not pass by rounding.
  return votes.filter((v) => v.weight > floor + 1e-9);
}
