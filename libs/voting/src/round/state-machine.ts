import { explainDecision } from '../explain/explain';
import type { VotingError } from '../guards/errors';
import { votingError } from '../guards/errors';
import { dedupeKey, normalizeForms } from '../guards/dedupe';
import { isRateLimited } from '../guards/rate-limit';
import type {
  Candidate,
  EpochMs,
  Id,
  Round,
  Unit,
  UnitVotingState,
  Vote,
  VoteValue,
  VoterProfile,
} from '../model/types';
import { reputationOnDecided } from '../reputation/on-decided';
import { weightAtCast } from '../score/weight';
import { scoreOf } from '../score/score-of';
import { assertNever } from '../util/assert-never';
import { q } from '../util/quantise';
import { fieldState } from './community';
import { countedVotesOf, isEligible } from './eligibility';
import { evaluate, scoreCandidates } from './evaluate';
import type {
  Effect,
  NewCandidate,
  OpenCause,
  TransitionOptions,
  TransitionResult,
  VotingEvent,
} from './events';
import type { VotingParams } from './params';
import { challengeVotes } from './challenge';

type Activity = 'candidate' | 'vote' | 'other';

interface Step {
  readonly state: UnitVotingState;
  readonly effects: readonly Effect[];
}

export function defaultRoundId(unitId: Id, number: number): Id {
  return `${unitId}:${number}`;
}

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
  const round: Round = {
    id: input.roundId,
    unitId: input.unit.id,
    number: 1,
    sourceHash: input.unit.sourceHash,
    state: 'OPEN',
    params: input.params,
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

// ---- guards -------------------------------------------------------------------------------

function guardWritable(state: UnitVotingState): VotingError | null {
  if (state.unit.locked) {
    return votingError(
      'UNIT_LOCKED',
      'This string is locked by a manager; try again when it is unlocked.',
    );
  }
  return guardNotClosing(state);
}

function guardNotClosing(state: UnitVotingState): VotingError | null {
  if (state.round.state === 'CLOSING') {
    return votingError('ROUND_CLOSING', 'The voting round is closing; try again in a moment.');
  }
  return null;
}

function eligible(state: UnitVotingState, c: Candidate): boolean {
  return isEligible(c, { sourceHash: state.unit.sourceHash, bannedUserIds: state.bannedUserIds });
}

function eligibleCandidates(state: UnitVotingState): Candidate[] {
  return state.candidates.filter((c) => eligible(state, c));
}

// ---- events -------------------------------------------------------------------------------

function submitCandidate(
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

function withdrawCandidate(
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

function castVote(
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

function retractVote(
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

function managerApprove(
  step: Step,
  candidateId: Id,
  now: EpochMs,
  options: TransitionOptions,
): Step | VotingError {
  const refused = guardNotClosing(step.state);
  if (refused) return refused;
  const candidate = step.state.candidates.find((c) => c.id === candidateId);
  if (!candidate) return unknownCandidate(candidateId);
  if (!eligible(step.state, candidate)) {
    return votingError(
      'CANDIDATE_INELIGIBLE',
      'Only an active translation of the current source text without errors can be approved.',
    );
  }
  const round = step.state.round;
  if (round.state === 'DECIDED' && round.outcome?.winnerId === candidateId) return step;
  let next = step;
  if (round.state === 'DECIDED' || round.state === 'UNDECIDED') {
    next = reopen(next, now, 'MANAGER_APPROVED', options);
  } else if (round.state === 'OPEN') {
    next = startCollecting(next, now);
  }
  next = withRound(next, { approvedCandidateId: candidateId, state: 'CLOSING' });
  return close(next, now);
}

function managerReject(
  step: Step,
  candidateId: Id,
  now: EpochMs,
  options: TransitionOptions,
): Step | VotingError {
  const refused = guardNotClosing(step.state);
  if (refused) return refused;
  const candidate = step.state.candidates.find((c) => c.id === candidateId);
  if (!candidate) return unknownCandidate(candidateId);
  if (candidate.status !== 'active') return step;
  let next = setStatus(step, [candidateId], 'rejected');
  const round = next.state.round;
  if (round.state === 'OPEN' || round.state === 'COLLECTING') {
    next = withRound(next, { rejectedCandidateIds: [...round.rejectedCandidateIds, candidateId] });
  }
  const published = next.state.publishedWinner;
  if (published?.candidateId === candidateId) {
    next = addEffects(withState(next, { publishedWinner: null }), {
      type: 'revokeWinner',
      roundId: published.roundId,
      candidateId,
    });
    if (round.state === 'DECIDED') next = reopen(next, now, 'WINNER_REJECTED', options);
  }
  return afterActivity(next, now, 'other', options);
}

function sourceChanged(
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

function flagCollusion(step: Step, pairs: readonly (readonly [Id, Id])[]): Step {
  const { state } = step;
  const flagged = new Set(pairs.flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]));
  const authorOf = new Map(state.candidates.map((c) => [c.id, c]));
  const wMin = state.round.params.wMin;
  let changed = false;
  const votes = state.votes.map((v) => {
    const c = authorOf.get(v.candidateId);
    if (!c || c.status !== 'active' || v.weight <= wMin) return v;
    if (!flagged.has(`${v.voterId}\u0000${c.authorId}`)) return v;
    changed = true;
    return { ...v, weight: wMin };
  });
  return changed ? withState(step, { votes }) : step;
}

// ---- lifecycle ----------------------------------------------------------------------------

function afterActivity(
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

function startCollecting(step: Step, now: EpochMs): Step {
  const deadline = now + step.state.round.params.duration;
  const next = withRound(step, { state: 'COLLECTING', collectingSince: now, deadline });
  return addEffects(next, { type: 'scheduleClose', roundId: step.state.round.id, at: deadline });
}

function checkClose(step: Step, now: EpochMs): Step {
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

/**
 * CLOSING, atomically: decide, extend, or end undecided. `complete`: every member has voted, so an
 * early close uses the deadline's score with the early margin.
 */
function close(step: Step, now: EpochMs, complete = false): Step {
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

/**
 * A decision that rested on accounts found colluding after it was made is taken back: if the winner
 * had a flagged upvoter and no longer wins once flagged votes are discounted (the community passed
 * in lists them), it stops shipping and a new round opens with the same candidates and votes. A
 * manager's approval stands.
 */
function reviewDecision(
  step: Step,
  pairs: readonly (readonly [Id, Id])[],
  now: EpochMs,
  options: TransitionOptions,
): Step {
  const { state } = step;
  const outcome = state.round.outcome;
  const winnerId = outcome?.winnerId ?? null;
  if (winnerId === null || outcome?.reasons.includes('MANAGER_APPROVED')) return step;
  const suspects = new Set([...pairs.flat(), ...(state.community?.flaggedUserIds ?? [])]);
  const leaned = state.votes.some(
    (v) => v.candidateId === winnerId && v.value === 1 && suspects.has(v.voterId),
  );
  if (!leaned) return step;
  // The pairs just found count as flagged even if the community passed in predates them.
  const community = state.community && {
    ...state.community,
    flaggedUserIds: [...suspects],
  };
  const again = evaluate(community ? { ...state, community } : state, false);
  if (again.decided && again.winnerId === winnerId) return step;
  let next = step;
  const published = state.publishedWinner;
  if (published?.candidateId === winnerId) {
    next = addEffects(withState(next, { publishedWinner: null }), {
      type: 'revokeWinner',
      roundId: published.roundId,
      candidateId: winnerId,
    });
  }
  return reopen(next, now, 'CHALLENGE', options);
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

/** Round n+1 with the project's current parameters; candidates and votes carry over. */
function reopen(step: Step, now: EpochMs, cause: OpenCause, options: TransitionOptions): Step {
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

// ---- helpers ------------------------------------------------------------------------------

function explainContext(round: Round, now: EpochMs) {
  return {
    roundId: round.id,
    unitId: round.unitId,
    roundNumber: round.number,
    params: round.params,
    closedAt: now,
  };
}

function unknownCandidate(candidateId: Id): VotingError {
  return votingError(
    'UNKNOWN_CANDIDATE',
    `Translation ${candidateId} does not belong to this string.`,
  );
}

function withState(step: Step, patch: Partial<UnitVotingState>): Step {
  return { state: { ...step.state, ...patch }, effects: step.effects };
}

function withRound(step: Step, patch: Partial<Round>): Step {
  return withState(step, { round: { ...step.state.round, ...patch } });
}

function addEffects(step: Step, ...effects: Effect[]): Step {
  return { state: step.state, effects: [...step.effects, ...effects] };
}

function setStatus(step: Step, ids: readonly Id[], status: Candidate['status']): Step {
  const set = new Set(ids);
  return withState(step, {
    candidates: step.state.candidates.map((c) => (set.has(c.id) ? { ...c, status } : c)),
  });
}
