// The check run on each activity while COLLECTING: close at the deadline, or earlier (after
// minDuration) once the field is in and the evaluation already decides.
import type { EpochMs } from '../model/types';
import { close } from './close-round';
import { fieldState } from './community';
import { evaluate } from './evaluate';
import type { Step } from './transition-step';
import { eligibleCandidates, withRound } from './transition-step';

export function checkClose(step: Step, now: EpochMs): Step {
  const round = step.state.round;
  const since = round.collectingSince ?? now;
  const deadline = round.deadline ?? now;
  const pastDeadline = now >= deadline;
  if (pastDeadline) return close(withRound(step, { state: 'CLOSING' }), now);
  if (now < since + round.params.minDuration) return step;
  // No early decision before the field is in; once everyone has voted, no reason to wait.
  const field = fieldState(step.state, eligibleCandidates(step.state), round.params, now);
  if (field === 'OPEN') return step;
  const complete = field === 'COMPLETE';
  return evaluate(step.state, complete ? 'complete' : true).decided
    ? close(withRound(step, { state: 'CLOSING' }), now, complete)
    : step;
}
