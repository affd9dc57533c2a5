// The CLOSING step: the one place a round is decided, extended or ended undecided.
import { explainDecision } from '../explain/explain';
import type { EpochMs, Round } from '../model/types';
import { reputationOnDecided } from '../reputation/on-decided';
import { evaluate } from './evaluate';
import type { Step } from './transition-step';
import { addEffects, explainContext, withRound, withState } from './transition-step';

/**
 * CLOSING, atomically: decide, extend, or end undecided. `complete`: every member has voted, so an
 * early close uses the deadline's score with the early margin.
 */
export function close(step: Step, now: EpochMs, complete = false): Step {
  const { state } = step;
  const round = state.round;
  const P = round.params;
  const early = round.deadline !== null && now < round.deadline;
  const evaluation = evaluate(state, early && complete ? 'complete' : early);

  if (evaluation.decided && evaluation.winnerId !== null) {
    const winnerId = evaluation.winnerId;
    const closed: Round = {
      ...round,
      state: 'DECIDED',
      closedAt: now,
      outcome: { decided: true, winnerId, reasons: evaluation.reasons, early },
      dirty: false,
    };
    const inRound = new Set([...evaluation.ranked.map((c) => c.id), ...round.rejectedCandidateIds]);
    const reputation = reputationOnDecided({
      roundId: round.id,
      winnerId,
      reasons: evaluation.reasons,
      isGold: state.unit.isGold,
      params: P,
      candidates: state.candidates.filter((c) => inRound.has(c.id)),
      votes: state.votes,
      bannedUserIds: state.bannedUserIds,
    });
    const evaluated = new Set(
      reputation.evaluatedVotes.map((v) => `${v.voterId}\u0000${v.candidateId}`),
    );
    const votes = state.votes.map((v) =>
      evaluated.has(`${v.voterId}\u0000${v.candidateId}`)
        ? { ...v, evaluatedInRound: round.id }
        : v,
    );
    let next = withState(step, {
      round: closed,
      votes,
      publishedWinner: {
        roundId: round.id,
        candidateId: winnerId,
        sourceHash: round.sourceHash,
        decidedAt: now,
      },
    });
    if (early) next = addEffects(next, { type: 'cancelClose', roundId: round.id });
    return addEffects(
      next,
      {
        type: 'publishDecision',
        round: closed,
        explanation: explainDecision(explainContext(closed, now), evaluation),
      },
      {
        type: 'applyReputation',
        roundId: round.id,
        entries: reputation.entries,
        evaluatedVotes: reputation.evaluatedVotes,
      },
    );
  }

  const starved = evaluation.reasons.some((r) => r === 'QUORUM' || r === 'MIN_VOTES');
  if (!early && round.extensionsUsed < P.maxExtensions && starved && round.deadline !== null) {
    const deadline = round.deadline + P.extension;
    const extensionsUsed = round.extensionsUsed + 1;
    const next = withRound(step, { state: 'COLLECTING', deadline, extensionsUsed });
    // Never silent: the round goes to the manager's queue with what was missing, stored and
    // published like a close (an UNDECIDED explanation on the still-collecting round).
    const explanation = explainDecision(explainContext(next.state.round, now), evaluation);
    return addEffects(
      next,
      {
        type: 'roundExtended',
        roundId: round.id,
        deadline,
        extensionsUsed,
        reasons: evaluation.reasons,
      },
      { type: 'publishDecision', round: next.state.round, explanation },
      { type: 'scheduleClose', roundId: round.id, at: deadline },
    );
  }

  const closed: Round = {
    ...round,
    state: 'UNDECIDED',
    closedAt: now,
    outcome: { decided: false, winnerId: null, reasons: evaluation.reasons, early },
    dirty: false,
  };
  let next = withState(step, { round: closed });
  if (early) next = addEffects(next, { type: 'cancelClose', roundId: round.id });
  return addEffects(next, {
    type: 'publishDecision',
    round: closed,
    explanation: explainDecision(explainContext(closed, now), evaluation),
  });
}
