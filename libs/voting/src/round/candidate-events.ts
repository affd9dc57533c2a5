// Contributor events on candidates: submit (with de-duplication into an upvote) and withdraw.
import type { VotingError } from '../guards/errors';
import { votingError } from '../guards/errors';
import { dedupeKey, normalizeForms } from '../guards/dedupe';
import { isRateLimited } from '../guards/rate-limit';
import type { Candidate, EpochMs, Id, VoterProfile } from '../model/types';
import { afterActivity } from './after-activity';
import type { Effect, NewCandidate, TransitionOptions } from './events';
import type { Step } from './transition-step';
import {
  addEffects,
  guardWritable,
  setStatus,
  unknownCandidate,
  withState,
} from './transition-step';
import { castVote } from './vote-events';

export function submitCandidate(
  step: Step,
  input: NewCandidate,
  submitter: VoterProfile,
  now: EpochMs,
  options: TransitionOptions,
  event: {
    readonly recentSubmissions?: readonly EpochMs[];
    readonly recentVotes?: readonly EpochMs[];
  },
): Step | VotingError {
  const { state } = step;
  const refused = guardWritable(state);
  if (refused) return refused;
  if (state.candidates.some((c) => c.id === input.id)) return step; // a retried request
  if (input.sourceHash !== state.unit.sourceHash) {
    return votingError(
      'CANDIDATE_INELIGIBLE',
      'The source text changed while you were translating; translate the new text and submit again.',
    );
  }
  const params = state.round.params;
  if (isRateLimited(event.recentSubmissions ?? [], now, params.maxCandidatesPerHour)) {
    return votingError(
      'RATE_LIMITED',
      `At most ${params.maxCandidatesPerHour} translations per hour; please wait before submitting more.`,
    );
  }
  const forms = normalizeForms(input.forms);
  const key = dedupeKey(forms);
  const same = state.candidates.filter(
    (c) => c.sourceHash === state.unit.sourceHash && dedupeKey(c.forms) === key,
  );
  const existing = same.find((c) => c.status === 'active');
  if (existing) {
    const merged = (upvoted: boolean): Effect => ({
      type: 'candidateMerged',
      code: 'DUPLICATE_CANDIDATE',
      candidateId: existing.id,
      submitterId: submitter.userId,
      upvoted,
    });
    if (existing.authorId === submitter.userId) return { ...step, effects: [merged(false)] };
    const cast = castVote(step, submitter, existing.id, 1, now, event.recentVotes);
    if ('code' in cast) return cast;
    return afterActivity(addEffects(cast, merged(true)), now, 'vote', options);
  }
  if (same.some((c) => c.status === 'rejected')) {
    return votingError(
      'CANDIDATE_INELIGIBLE',
      'A language manager rejected this exact translation; propose a different one.',
    );
  }
  if (
    state.candidates.some(
      (c) =>
        c.authorId === submitter.userId &&
        c.status === 'active' &&
        c.sourceHash === state.unit.sourceHash,
    )
  ) {
    return votingError(
      'ACTIVE_CANDIDATE_EXISTS',
      'You already have a translation for this string; withdraw it first to submit a new one.',
    );
  }
  const candidate: Candidate = {
    id: input.id,
    unitId: state.unit.id,
    sourceHash: input.sourceHash,
    authorId: submitter.userId,
    forms,
    createdAt: now,
    status: 'active',
    blockingErrors: input.blockingErrors ?? [],
  };
  const added = withState(step, { candidates: [...state.candidates, candidate] });
  return afterActivity(added, now, 'candidate', options);
}

export function withdrawCandidate(
  step: Step,
  candidateId: Id,
  userId: Id,
  now: EpochMs,
  options: TransitionOptions,
): Step | VotingError {
  const refused = guardWritable(step.state);
  if (refused) return refused;
  const candidate = step.state.candidates.find((c) => c.id === candidateId);
  if (!candidate) return unknownCandidate(candidateId);
  if (candidate.authorId !== userId) {
    return votingError('NOT_AUTHOR', 'Only the author can withdraw a translation.');
  }
  if (candidate.status !== 'active') return step;
  return afterActivity(setStatus(step, [candidateId], 'withdrawn'), now, 'other', options);
}
