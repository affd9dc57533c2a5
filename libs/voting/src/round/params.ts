const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Round and scoring parameters (DOMAIN C1/C2). Durations are milliseconds. */
export interface VotingParams {
  /** Wilson z. */
  readonly z: number;
  /** Distinct voters with at least one counted vote in the round. */
  readonly quorum: number;
  /** Distinct upvoters on the leader. */
  readonly minVotes: number;
  readonly minScore: number;
  readonly minMargin: number;
  readonly duration: number;
  readonly minDuration: number;
  readonly earlyScore: number;
  readonly earlyMargin: number;
  readonly maxExtensions: number;
  readonly extension: number;
  readonly reopenMargin: number;
  readonly reopenCooldown: number;
  /** A candidate whose upper bound is below this is BAD (C3). */
  readonly badUB: number;
  /** Floor weight of a counted vote. */
  readonly wMin: number;
  /** Beta prior of the reputation ratios. */
  readonly alpha: number;
  readonly beta: number;
  /** Accounts younger than this vote with weight wMin. */
  readonly minAccountAge: number;
  /** Reputation multiplier for gold units and manager approvals. */
  readonly goldFactor: number;
  readonly maxVotesPerHour: number;
  readonly maxCandidatesPerHour: number;
}

export const DEFAULT_PARAMS: VotingParams = Object.freeze({
  z: 1.96,
  quorum: 3,
  minVotes: 3,
  minScore: 0.5,
  minMargin: 0.1,
  duration: 7 * DAY,
  minDuration: 24 * HOUR,
  earlyScore: 0.7,
  earlyMargin: 0.2,
  maxExtensions: 1,
  extension: 7 * DAY,
  reopenMargin: 0.1,
  reopenCooldown: 24 * HOUR,
  badUB: 0.5,
  wMin: 0.1,
  alpha: 2,
  beta: 2,
  minAccountAge: 7 * DAY,
  goldFactor: 2,
  maxVotesPerHour: 60,
  maxCandidatesPerHour: 20,
});

/**
 * The preset the API runs (docs/voting-quality.md): a 90 % one-sided bound (z 1.282), so two
 * upvotes that count fully (a team of three, where thresholds scale down) reach minScore 0.5;
 * earlyScore 0.64, so three clean upvotes from typical voters (LB 0.646) close early once the field
 * is in, and minMargin 0.05 at the deadline: since a downvote beside an upvote of a rival no longer
 * counts twice, a runner-up's score is no longer dragged by noise and a small lead is a real one;
 * minDuration 6 h, since an early close also waits for the field to be in (no new candidate for
 * minDuration, or a quorum voted after the last one).
 */
export const TUNED_PARAMS: Partial<VotingParams> = Object.freeze({
  z: 1.282,
  minMargin: 0.05,
  earlyScore: 0.64,
  earlyMargin: 0.2,
  minDuration: 6 * HOUR,
});

export interface ParamIssue {
  readonly param: keyof VotingParams;
  readonly message: string;
}

export type ParamsValidation =
  | { readonly ok: true; readonly params: VotingParams }
  | { readonly ok: false; readonly issues: readonly ParamIssue[] };

/** Thrown by `resolveParams` when a project's settings are not a valid parameter set. */
export class InvalidParamsError extends Error {
  readonly code = 'INVALID_PARAMS' as const;
  constructor(readonly issues: readonly ParamIssue[]) {
    super(`Invalid voting parameters: ${issues.map((i) => `${i.param} ${i.message}`).join('; ')}`);
    this.name = 'InvalidParamsError';
  }
}

type Rule = (p: VotingParams) => string | null;

const unit = (v: number): string | null => (v >= 0 && v <= 1 ? null : 'must be between 0 and 1');
const count = (v: number): string | null =>
  Number.isInteger(v) && v >= 0 ? null : 'must be a non-negative integer';
const positiveCount = (v: number): string | null =>
  Number.isInteger(v) && v >= 1 ? null : 'must be a positive integer';
const duration = (v: number): string | null =>
  Number.isInteger(v) && v >= 0 ? null : 'must be a non-negative whole number of milliseconds';

const RULES: { readonly [K in keyof VotingParams]: Rule } = {
  z: (p) => (p.z > 0 && p.z <= 10 ? null : 'must be in (0, 10]'),
  quorum: (p) => count(p.quorum),
  minVotes: (p) => count(p.minVotes),
  minScore: (p) => unit(p.minScore),
  minMargin: (p) => unit(p.minMargin),
  duration: (p) => duration(p.duration) ?? (p.duration > 0 ? null : 'must be positive'),
  minDuration: (p) =>
    duration(p.minDuration) ?? (p.minDuration <= p.duration ? null : 'must not exceed duration'),
  earlyScore: (p) =>
    unit(p.earlyScore) ?? (p.earlyScore >= p.minScore ? null : 'must be at least minScore'),
  earlyMargin: (p) =>
    unit(p.earlyMargin) ?? (p.earlyMargin >= p.minMargin ? null : 'must be at least minMargin'),
  maxExtensions: (p) => count(p.maxExtensions),
  extension: (p) => duration(p.extension),
  reopenMargin: (p) => unit(p.reopenMargin),
  reopenCooldown: (p) => duration(p.reopenCooldown),
  badUB: (p) => unit(p.badUB),
  wMin: (p) => (p.wMin > 0 && p.wMin <= 1 ? null : 'must be in (0, 1]'),
  alpha: (p) => (p.alpha > 0 ? null : 'must be positive'),
  beta: (p) => (p.beta > 0 ? null : 'must be positive'),
  minAccountAge: (p) => duration(p.minAccountAge),
  goldFactor: (p) => (p.goldFactor >= 1 ? null : 'must be at least 1'),
  maxVotesPerHour: (p) => positiveCount(p.maxVotesPerHour),
  maxCandidatesPerHour: (p) => positiveCount(p.maxCandidatesPerHour),
};

const KEYS = Object.keys(RULES) as (keyof VotingParams)[];

/** Merges a project's overrides onto the defaults and checks every parameter. */
export function validateParams(
  overrides: Partial<Record<keyof VotingParams, unknown>> = {},
): ParamsValidation {
  const issues: ParamIssue[] = [];
  const merged: Record<string, number> = { ...DEFAULT_PARAMS };
  for (const key of Object.keys(overrides)) {
    if (!(KEYS as string[]).includes(key)) {
      issues.push({ param: key as keyof VotingParams, message: 'is not a voting parameter' });
      continue;
    }
    const value = overrides[key as keyof VotingParams];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ param: key as keyof VotingParams, message: 'must be a finite number' });
      continue;
    }
    merged[key] = value;
  }
  if (issues.length > 0) return { ok: false, issues };
  const params = merged as unknown as VotingParams;
  for (const key of KEYS) {
    const message = RULES[key](params);
    if (message !== null) issues.push({ param: key, message });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, params: Object.freeze(params) };
}

/** Like `validateParams` but throws `InvalidParamsError`; use when a project saves its settings. */
export function resolveParams(
  overrides: Partial<Record<keyof VotingParams, unknown>> = {},
): VotingParams {
  const result = validateParams(overrides);
  if (!result.ok) throw new InvalidParamsError(result.issues);
  return result.params;
}
