// Voter events: cast (weight fixed at cast time) and retract.
import type { VotingError } from '../guards/errors';
import { votingError } from '../guards/errors';
import { isRateLimited } from '../guards/rate-limit';
import type { EpochMs, Id, Vote, VoteValue, VoterProfile } from '../model/types';
import { weightAtCast } from '../score/weight';
import { afterActivity } from './after-activity';
import type { TransitionOptions } from './events';
import type { Step } from './transition-step';
import { eligible, guardWritable, unknownCandidate, withState } from './transition-step';

export function castVote(
  step: Step,
  voter: VoterProfile,
  candidateId: Id,
  value: VoteValue,
  now: EpochMs,
  recentVotes: readonly EpochMs[] | undefined,
): Step | VotingError {
  const { state } = step;
  const refused = guardWritable(state);
  if (refused) return refused;
  const candidate = state.candidates.find((c) => c.id === candidateId);
  if (!candidate) return unknownCandidate(candidateId);
  if (!eligible(state, candidate)) {
    return votingError(
      'CANDIDATE_INELIGIBLE',
      'This translation cannot receive votes (withdrawn, rejected, outdated or failing checks).',
    );
  }
  if (candidate.authorId === voter.userId) {
    return votingError('SELF_VOTE', 'You cannot vote on your own translation.');
  }
  const params = state.round.params;
  if (isRateLimited(recentVotes ?? [], now, params.maxVotesPerHour)) {
    return votingError(
      'RATE_LIMITED',
      `At most ${params.maxVotesPerHour} votes per hour; please wait a little before voting again.`,
    );
  }
  const previous = state.votes.find(
    (v) => v.voterId === voter.userId && v.candidateId === candidateId,
  );
  if (previous?.value === value) return step;
  const vote: Vote = {
    voterId: voter.userId,
    candidateId,
    value,
    castAt: now,
    weight: weightAtCast(voter, candidate.authorId, now, params),
    // A (voter, candidate) pair is judged at most once, even if the value changes later.
    evaluatedInRound: previous?.evaluatedInRound ?? null,
  };
  const votes = previous
    ? state.votes.map((v) => (v === previous ? vote : v))
    : [...state.votes, vote];
  return withState(step, { votes });
}

export function retractVote(
  step: Step,
  voterId: Id,
  candidateId: Id,
  now: EpochMs,
  options: TransitionOptions,
): Step | VotingError {
  const refused = guardWritable(step.state);
  if (refused) return refused;
  const votes = step.state.votes.filter(
    (v) => !(v.voterId === voterId && v.candidateId === candidateId),
  );
  if (votes.length === step.state.votes.length) return step; // nothing to retract: idempotent
  return afterActivity(withState(step, { votes }), now, 'other', options);
}
