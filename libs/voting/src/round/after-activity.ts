// What any accepted event does to the round next, by its state: start collecting, check for an
// early close, close, re-open on a challenge, or re-open an undecided round after its cooldown.
import type { EpochMs } from '../model/types';
import { scoreOf } from '../score/score-of';
import { assertNever } from '../util/assert-never';
import { q } from '../util/quantise';
import { challengeVotes } from './challenge';
import { close } from './close-round';
import { checkClose } from './early-close';
import { countedVotesOf } from './eligibility';
import { scoreCandidates } from './evaluate';
import type { TransitionOptions } from './events';
import { reopen, startCollecting } from './open-round';
import type { Activity, Step } from './transition-step';
import { eligible, withRound } from './transition-step';

export function afterActivity(
  step: Step,
  now: EpochMs,
  activity: Activity,
  options: TransitionOptions,
): Step {
  const round = step.state.round;
  switch (round.state) {
    case 'OPEN':
      if (!step.state.candidates.some((c) => eligible(step.state, c))) return step;
      return checkClose(startCollecting(step, now), now);
    case 'COLLECTING':
      return checkClose(step, now);
    case 'CLOSING':
      return close(step, now);
    case 'DECIDED':
      return activity === 'vote' ? challengeCheck(step, now, options) : step;
    case 'UNDECIDED': {
      const dirty = round.dirty || activity !== 'other';
      const next = dirty === round.dirty ? step : withRound(step, { dirty });
      const closedAt = round.closedAt ?? now;
      return dirty && now >= closedAt + round.params.reopenCooldown
        ? reopen(next, now, 'COOLDOWN', options)
        : next;
    }
    default:
      return assertNever(round.state, 'round state');
  }
}

/**
 * DECIDED: a challenger that beats the winner by reopenMargin with minVotes upvoters re-opens; a
 * manager-approved winner only on established voters' votes (challengeVotes).
 */
function challengeCheck(step: Step, now: EpochMs, options: TransitionOptions): Step {
  const { state } = step;
  const P = state.round.params;
  const winnerId = state.round.outcome?.winnerId ?? null;
  const winner = state.candidates.find((c) => c.id === winnerId);
  if (!winner) return step;
  const approved = state.round.outcome?.reasons.includes('MANAGER_APPROVED') === true;
  const votes = challengeVotes(state.votes, P, approved);
  const winnerScore = scoreOf(countedVotesOf(winner, votes, state.bannedUserIds), P.z).score;
  const challenged = scoreCandidates({ ...state, votes }).some(
    (c) =>
      c.id !== winner.id &&
      q(c.score.score) - q(winnerScore) >= q(P.reopenMargin) &&
      c.score.upvoters >= P.minVotes,
  );
  return challenged ? reopen(step, now, 'CHALLENGE', options) : step;
}
