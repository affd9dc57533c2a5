// The source text changed: the running round ends undecided, old candidates and the published
// winner go stale, and a new round opens on the new text.
import { explainDecision } from '../explain/explain';
import type { EpochMs, Round } from '../model/types';
import { evaluate } from './evaluate';
import type { TransitionOptions } from './events';
import { reopen } from './open-round';
import type { Step } from './transition-step';
import { addEffects, explainContext, setStatus, withState } from './transition-step';

export function sourceChanged(
  step: Step,
  sourceHash: string,
  now: EpochMs,
  options: TransitionOptions,
): Step {
  const { state } = step;
  if (sourceHash === state.unit.sourceHash) return step;
  let next = step;
  const round = state.round;
  if (round.state === 'OPEN' || round.state === 'COLLECTING' || round.state === 'CLOSING') {
    const evaluation = evaluate(state, false);
    const closed: Round = {
      ...round,
      state: 'UNDECIDED',
      closedAt: now,
      outcome: { decided: false, winnerId: null, reasons: ['SOURCE_CHANGED'], early: false },
      dirty: false,
    };
    const explanation = explainDecision(explainContext(closed, now), {
      ...evaluation,
      decided: false,
      winnerId: null,
      reasons: ['SOURCE_CHANGED'],
    });
    next = withState(next, { round: closed });
    if (round.deadline !== null)
      next = addEffects(next, { type: 'cancelClose', roundId: round.id });
    next = addEffects(next, { type: 'publishDecision', round: closed, explanation });
  }
  const outdated = state.candidates
    .filter((c) => c.status !== 'outdated' && c.sourceHash !== sourceHash)
    .map((c) => c.id);
  if (outdated.length > 0) {
    next = addEffects(setStatus(next, outdated, 'outdated'), {
      type: 'markOutdated',
      candidateIds: outdated,
    });
  }
  const published = state.publishedWinner;
  if (published && published.sourceHash !== sourceHash) {
    next = addEffects(withState(next, { publishedWinner: null }), {
      type: 'markStale',
      roundId: published.roundId,
      candidateId: published.candidateId,
      sourceHash: published.sourceHash,
    });
  }
  next = withState(next, { unit: { ...next.state.unit, sourceHash } });
  return reopen(next, now, 'SOURCE_CHANGED', options);
}
