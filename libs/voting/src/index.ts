// Public door of @chorus/voting. Everything the API, the web client and SQL batches may use.
export type {
  Candidate,
  CandidateStatus,
  EpochMs,
  Forms,
  Id,
  PublishedWinner,
  ReasonCode,
  Round,
  RoundOutcome,
  RoundState,
  Unit,
  UnitVotingState,
  Vote,
  VoteValue,
  VoterProfile,
} from './model/types';

export { q, QUANTUM } from './util/quantise';
export { assertNever } from './util/assert-never';

export type { ParamIssue, ParamsValidation, VotingParams } from './round/params';
export {
  DEFAULT_PARAMS,
  InvalidParamsError,
  resolveParams,
  TUNED_PARAMS,
  validateParams,
} from './round/params';

export type { WilsonBounds } from './score/wilson';
export { wilsonBounds } from './score/wilson';
export type { WeightAtCast, WeightBasis, WeightParams } from './score/weight';
export { explainWeightAtCast, reliability, weightAtCast } from './score/weight';
export type { Score, Tallies, WeightedVote } from './score/score-of';
export { scoreFromTallies, scoreOf } from './score/score-of';

export type { Rankable } from './rank/rank-order';
export { compareCodeUnits, compareRank, rankOrder } from './rank/rank-order';

export type { EligibilityContext } from './round/eligibility';
export { countedVotesOf, isCounted, isEligible } from './round/eligibility';
export type { Evaluation, EvaluationInput, ScoredCandidate, Thresholding } from './round/evaluate';
export { distinctVoters, evaluate, scoreCandidates } from './round/evaluate';
export type {
  Effect,
  EffectType,
  NewCandidate,
  OpenCause,
  TransitionOptions,
  TransitionResult,
  VotingEvent,
  VotingEventType,
} from './round/events';
export type {
  Community,
  CommunityMember,
  FieldState,
  MemberRecord,
  Thresholds,
} from './round/community';
export {
  ACTIVITY_WINDOW_MS,
  communityOf,
  countsAsVoter,
  decisionWeight,
  fieldState,
  memberWeight,
  NEW_LOCALE_SHARE,
  partnersOf,
  suspectsIn,
  thresholdsFor,
} from './round/community';
export type { NeedsDecision } from './round/needs-decision';
export { needsDecisionOf, needsManager } from './round/needs-decision';
export { authorEndorsements, authorsEndorse } from './round/endorsement';
export type { CreateUnitStateInput } from './round/state-machine';
export { createUnitState, defaultRoundId, transition, transitionAll } from './round/state-machine';

export type { VotingError } from './guards/errors';
export { VotingErrorCode, VotingException, votingError } from './guards/errors';
export type { SlidingWindow } from './guards/rate-limit';
export {
  countInWindow,
  isRateLimited,
  pruneHistory,
  RATE_WINDOW_MS,
  tryAcquire,
} from './guards/rate-limit';
export { dedupeKey, normalizeForms } from './guards/dedupe';

export type { RoleHint, RoleHintThresholds, UserReputation } from './reputation/reputation';
export {
  DEFAULT_ROLE_HINTS,
  EMPTY_REPUTATION,
  roleHints,
  translatorReliability,
  voterReliability,
} from './reputation/reputation';
export type { LedgerEntry, LedgerKind, ReputationBook } from './reputation/ledger';
export {
  addEntry,
  applyLedgerEntries,
  EMPTY_BOOK,
  ledgerKey,
  reputationOf,
} from './reputation/ledger';
export type {
  CandidateClass,
  DecidedRoundInput,
  EvaluatedVote,
  ReputationOutcome,
} from './reputation/on-decided';
export { classifyCandidate, reputationOnDecided } from './reputation/on-decided';

export type { DecisionExplanation, ExplainContext, ExplainedCandidate } from './explain/explain';
export { describeReasons, explainDecision } from './explain/explain';

export type {
  AbuseAccount,
  AbuseFlag,
  AbuseFlagKind,
  AbuseInput,
  AbuseOptions,
  AbuseReport,
  AbuseVote,
  CollusionPair,
} from './abuse/detect';
export { collusionPartners, DEFAULT_ABUSE_OPTIONS, detectAbuse } from './abuse/detect';

export type { Prng } from './random/prng';
export { createPrng } from './random/prng';

export type { RuleSummary, SimulationOptions, SimulationResult } from './sim/simulate';
export { DEFAULT_CROWD, simulate } from './sim/simulate';
export type { CrowdOptions, VoterKind } from './sim/crowd';
