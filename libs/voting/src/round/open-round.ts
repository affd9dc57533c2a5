// Opening rounds: the first deadline when the field has a candidate, and round n+1 on a re-open.
import type { EpochMs, Id, Round } from '../model/types';
import type { OpenCause, TransitionOptions } from './events';
import type { Step } from './transition-step';
import { addEffects, eligible, withRound, withState } from './transition-step';

export function defaultRoundId(unitId: Id, number: number): Id {
  return `${unitId}:${number}`;
}

export function startCollecting(step: Step, now: EpochMs): Step {
  const deadline = now + step.state.round.params.duration;
  const next = withRound(step, { state: 'COLLECTING', collectingSince: now, deadline });
  return addEffects(next, { type: 'scheduleClose', roundId: step.state.round.id, at: deadline });
}

/** Round n+1 with the project's current parameters; candidates and votes carry over. */
export function reopen(
  step: Step,
  now: EpochMs,
  cause: OpenCause,
  options: TransitionOptions,
): Step {
  const { state } = step;
  const number = state.round.number + 1;
  const makeId = options.newRoundId ?? defaultRoundId;
  const round: Round = {
    id: makeId(state.unit.id, number),
    unitId: state.unit.id,
    number,
    sourceHash: state.unit.sourceHash,
    state: 'OPEN',
    params: state.params,
    openedAt: now,
    collectingSince: null,
    deadline: null,
    extensionsUsed: 0,
    closedAt: null,
    outcome: null,
    approvedCandidateId: null,
    rejectedCandidateIds: [],
    dirty: false,
  };
  let next = withState(step, { round });
  const collecting = state.candidates.some((c) => eligible(next.state, c));
  next = addEffects(next, {
    type: 'openRound',
    roundId: round.id,
    number,
    state: collecting ? 'COLLECTING' : 'OPEN',
    cause,
  });
  return collecting ? startCollecting(next, now) : next;
}
