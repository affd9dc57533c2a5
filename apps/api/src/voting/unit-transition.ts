import {
  createUnitState,
  transition,
  type Effect,
  type UnitVotingState,
  type VotingEvent,
} from '@chorus/voting';
import { roundUuid } from './round-id';
import type { LoadedUnit, UnitChange } from './unit-state.repository';
import { fromVotingError } from './voting.errors';

/**
 * The libs/voting half of a unit change, with no I/O: a loaded unit's state made ready for an
 * event (created, or moved to a changed source), with the effects of getting there; then one
 * event applied to it (applyEvent).
 */
export interface StartedState {
  readonly state: UnitVotingState;
  readonly effects: readonly Effect[];
}

/** The unit's state ready for an event: round 1 created, or moved to a changed source first. */
export function startState(loaded: LoadedUnit, now: number): StartedState {
  if (loaded.state === null) {
    const created = createUnitState(
      {
        unit: loaded.unit,
        params: loaded.params,
        roundId: roundUuid(loaded.context.unitId, 1),
      },
      now,
    );
    if (!created.ok) throw fromVotingError(created.error);
    return { state: created.state, effects: created.effects };
  }
  if (loaded.state.round.sourceHash !== loaded.unit.sourceHash) {
    const changed = transition(
      { ...loaded.state, unit: loaded.unit },
      { type: 'sourceChanged', sourceHash: loaded.unit.sourceHash },
      now,
      { newRoundId: roundUuid },
    );
    if (changed.ok) return { state: changed.state, effects: changed.effects };
  }
  return { state: loaded.state, effects: [] };
}

/** One event on a unit's started state, as the change saveMany writes; throws a VotingError. */
export function applyEvent(
  loaded: LoadedUnit,
  start: StartedState,
  event: VotingEvent,
  now: number,
): UnitChange {
  const result = transition(start.state, event, now, { newRoundId: roundUuid });
  if (!result.ok) throw fromVotingError(result.error);
  return { loaded, after: result.state, effects: [...start.effects, ...result.effects] };
}
