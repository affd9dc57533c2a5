// The accumulator every transition threads through (the unit's state plus the effects emitted so
// far) and the small helpers and guards the event handlers and lifecycle steps share.
import type { VotingError } from '../guards/errors';
import { votingError } from '../guards/errors';
import type { Candidate, EpochMs, Id, Round, UnitVotingState } from '../model/types';
import { isEligible } from './eligibility';
import type { Effect } from './events';

export type Activity = 'candidate' | 'vote' | 'other';

export interface Step {
  readonly state: UnitVotingState;
  readonly effects: readonly Effect[];
}

// ---- guards -------------------------------------------------------------------------------

export function guardWritable(state: UnitVotingState): VotingError | null {
  if (state.unit.locked) {
    return votingError(
      'UNIT_LOCKED',
      'This string is locked by a manager; try again when it is unlocked.',
    );
  }
  return guardNotClosing(state);
}

export function guardNotClosing(state: UnitVotingState): VotingError | null {
  if (state.round.state === 'CLOSING') {
    return votingError('ROUND_CLOSING', 'The voting round is closing; try again in a moment.');
  }
  return null;
}

export function eligible(state: UnitVotingState, c: Candidate): boolean {
  return isEligible(c, { sourceHash: state.unit.sourceHash, bannedUserIds: state.bannedUserIds });
}

export function eligibleCandidates(state: UnitVotingState): Candidate[] {
  return state.candidates.filter((c) => eligible(state, c));
}

// ---- helpers ------------------------------------------------------------------------------

export function explainContext(round: Round, now: EpochMs) {
  return {
    roundId: round.id,
    unitId: round.unitId,
    roundNumber: round.number,
    params: round.params,
    closedAt: now,
  };
}

export function unknownCandidate(candidateId: Id): VotingError {
  return votingError(
    'UNKNOWN_CANDIDATE',
    `Translation ${candidateId} does not belong to this string.`,
  );
}

export function withState(step: Step, patch: Partial<UnitVotingState>): Step {
  return { state: { ...step.state, ...patch }, effects: step.effects };
}

export function withRound(step: Step, patch: Partial<Round>): Step {
  return withState(step, { round: { ...step.state.round, ...patch } });
}

export function addEffects(step: Step, ...effects: Effect[]): Step {
  return { state: step.state, effects: [...step.effects, ...effects] };
}

export function setStatus(step: Step, ids: readonly Id[], status: Candidate['status']): Step {
  const set = new Set(ids);
  return withState(step, {
    candidates: step.state.candidates.map((c) => (set.has(c.id) ? { ...c, status } : c)),
  });
}
