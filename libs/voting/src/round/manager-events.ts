// Language-manager events: approve (decides at once) and reject (revokes a published winner).
import type { VotingError } from '../guards/errors';
import { votingError } from '../guards/errors';
import type { EpochMs, Id } from '../model/types';
import { afterActivity } from './after-activity';
import { close } from './close-round';
import type { TransitionOptions } from './events';
import { reopen, startCollecting } from './open-round';
import type { Step } from './transition-step';
import {
  addEffects,
  eligible,
  guardNotClosing,
  setStatus,
  unknownCandidate,
  withRound,
  withState,
} from './transition-step';

export function managerApprove(
  step: Step,
  candidateId: Id,
  now: EpochMs,
  options: TransitionOptions,
): Step | VotingError {
  const refused = guardNotClosing(step.state);
  if (refused) return refused;
  const candidate = step.state.candidates.find((c) => c.id === candidateId);
  if (!candidate) return unknownCandidate(candidateId);
  if (!eligible(step.state, candidate)) {
    return votingError(
      'CANDIDATE_INELIGIBLE',
      'Only an active translation of the current source text without errors can be approved.',
    );
  }
  const round = step.state.round;
  if (round.state === 'DECIDED' && round.outcome?.winnerId === candidateId) return step;
  let next = step;
  if (round.state === 'DECIDED' || round.state === 'UNDECIDED') {
    next = reopen(next, now, 'MANAGER_APPROVED', options);
  } else if (round.state === 'OPEN') {
    next = startCollecting(next, now);
  }
  next = withRound(next, { approvedCandidateId: candidateId, state: 'CLOSING' });
  return close(next, now);
}

export function managerReject(
  step: Step,
  candidateId: Id,
  now: EpochMs,
  options: TransitionOptions,
): Step | VotingError {
  const refused = guardNotClosing(step.state);
  if (refused) return refused;
  const candidate = step.state.candidates.find((c) => c.id === candidateId);
  if (!candidate) return unknownCandidate(candidateId);
  if (candidate.status !== 'active') return step;
  let next = setStatus(step, [candidateId], 'rejected');
  const round = next.state.round;
  if (round.state === 'OPEN' || round.state === 'COLLECTING') {
    next = withRound(next, { rejectedCandidateIds: [...round.rejectedCandidateIds, candidateId] });
  }
  const published = next.state.publishedWinner;
  if (published?.candidateId === candidateId) {
    next = addEffects(withState(next, { publishedWinner: null }), {
      type: 'revokeWinner',
      roundId: published.roundId,
      candidateId,
    });
    if (round.state === 'DECIDED') next = reopen(next, now, 'WINNER_REJECTED', options);
  }
  return afterActivity(next, now, 'other', options);
}
