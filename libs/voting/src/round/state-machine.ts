// The round state machine's entry points. The event handlers and lifecycle steps live in sibling
// modules (*-events.ts, source-changed.ts, after-activity.ts, early-close.ts, close-round.ts,
// open-round.ts), all threading the same Step (transition-step.ts).
import type { VotingError } from '../guards/errors';
import type { Candidate, EpochMs, Id, Unit, UnitVotingState, Vote } from '../model/types';
import { assertNever } from '../util/assert-never';
import { afterActivity } from './after-activity';
import { submitCandidate, withdrawCandidate } from './candidate-events';
import { flagCollusion, reviewDecision } from './collusion-events';
import type { Effect, TransitionOptions, TransitionResult, VotingEvent } from './events';
import { managerApprove, managerReject } from './manager-events';
import type { VotingParams } from './params';
import { sourceChanged } from './source-changed';
import { openRound } from './open-round';
import type { Step } from './transition-step';
import { withState } from './transition-step';
import { castVote, retractVote } from './vote-events';

export { defaultRoundId } from './open-round';

export interface CreateUnitStateInput {
  readonly unit: Unit;
  readonly params: VotingParams;
  readonly roundId: Id;
  readonly candidates?: readonly Candidate[];
  readonly votes?: readonly Vote[];
  readonly bannedUserIds?: readonly Id[];
}

/**
 * Round 1 of a unit, OPEN; COLLECTING at once if eligible candidates already exist (e.g. imported
 * ones), with its close scheduled.
 */
export function createUnitState(input: CreateUnitStateInput, now: EpochMs): TransitionResult {
  const round = openRound(input.roundId, input.unit, 1, input.params, now);
  const state: UnitVotingState = {
    unit: input.unit,
    params: input.params,
    round,
    candidates: input.candidates ?? [],
    votes: input.votes ?? [],
    bannedUserIds: input.bannedUserIds ?? [],
    publishedWinner: null,
  };
  const opened: Effect = {
    type: 'openRound',
    roundId: round.id,
    number: 1,
    state: 'OPEN',
    cause: 'FIRST_ROUND',
  };
  const step = afterActivity({ state, effects: [opened] }, now, 'other', {});
  return { ok: true, ...step };
}

/**
 * The round state machine (C1): a pure function of the unit's state, one event and the time.
 * Refused events return `ok: false` with a typed error and the state unchanged.
 */
export function transition(
  state: UnitVotingState,
  event: VotingEvent,
  now: EpochMs,
  options: TransitionOptions = {},
): TransitionResult {
  const result = apply(state, event, now, options);
  if ('code' in result) return { ok: false, state, effects: [], error: result };
  return { ok: true, state: result.state, effects: result.effects };
}

/** Runs several events in order, stopping at the first refusal. Handy for tests and the simulator. */
export function transitionAll(
  state: UnitVotingState,
  events: readonly { readonly event: VotingEvent; readonly now: EpochMs }[],
  options: TransitionOptions = {},
): TransitionResult {
  let current: TransitionResult = { ok: true, state, effects: [] };
  const effects: Effect[] = [];
  for (const { event, now } of events) {
    current = transition(current.state, event, now, options);
    if (!current.ok) return current;
    effects.push(...current.effects);
  }
  return { ok: true, state: current.state, effects };
}

function apply(
  state: UnitVotingState,
  event: VotingEvent,
  now: EpochMs,
  options: TransitionOptions,
): Step | VotingError {
  const start: Step = { state, effects: [] };
  switch (event.type) {
    case 'submitCandidate':
      return submitCandidate(start, event.candidate, event.submitter, now, options, event);
    case 'withdrawCandidate':
      return withdrawCandidate(start, event.candidateId, event.userId, now, options);
    case 'castVote': {
      const cast = castVote(
        start,
        event.voter,
        event.candidateId,
        event.value,
        now,
        event.recentVotes,
      );
      return 'code' in cast ? cast : afterActivity(cast, now, 'vote', options);
    }
    case 'retractVote':
      return retractVote(start, event.voterId, event.candidateId, now, options);
    case 'tick':
      return afterActivity(start, now, 'other', options);
    case 'managerApprove':
      return managerApprove(start, event.candidateId, now, options);
    case 'managerReject':
      return managerReject(start, event.candidateId, now, options);
    case 'sourceChanged':
      return sourceChanged(start, event.sourceHash, now, options);
    case 'userBanned':
    case 'userUnbanned': {
      const banned = state.bannedUserIds.filter((id) => id !== event.userId);
      if (event.type === 'userBanned') banned.push(event.userId);
      return afterActivity(withState(start, { bannedUserIds: banned }), now, 'other', options);
    }
    case 'collusionFlagged': {
      const flagged = flagCollusion(start, event.pairs);
      return state.round.state === 'DECIDED'
        ? reviewDecision(flagged, event.pairs, now, options)
        : afterActivity(flagged, now, 'other', options);
    }
    default:
      return assertNever(event, 'voting event');
  }
}
