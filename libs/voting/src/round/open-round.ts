// Opening rounds: the first deadline when the field has a candidate, and round n+1 on a re-open.
import type { EpochMs, Id, Round, Unit } from '../model/types';
import type { OpenCause, TransitionOptions } from './events';
import type { VotingParams } from './params';
import type { Step } from './transition-step';
import { addEffects, eligible, withRound, withState } from './transition-step';

export function defaultRoundId(unitId: Id, number: number): Id {
  return `${unitId}:${number}`;
}

/** A round as it opens: OPEN, nothing collected, decided or closed yet. */
export function openRound(
  id: Id,
  unit: Pick<Unit, 'id' | 'sourceHash'>,
  number: number,
  params: VotingParams,
  now: EpochMs,
): Round {
  return {
    id,
    unitId: unit.id,
    number,
    sourceHash: unit.sourceHash,
    state: 'OPEN',
    params,
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
  const round = openRound(makeId(state.unit.id, number), state.unit, number, state.params, now);
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
