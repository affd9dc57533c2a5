import type { EpochMs, ReasonCode, Round } from '../model/types';

/**
 * Whether a round sits in the language manager's *needs a decision* queue: it reached its deadline
 * without a decision, either running on for more votes (extended) or closed UNDECIDED. A source
 * change cancels a round rather than asking anyone. Nothing is extended silently: the API lists
 * these rounds with `needsDecisionOf`.
 */
export function needsManager(round: Round): boolean {
  if (round.state === 'COLLECTING') return round.extensionsUsed > 0;
  if (round.state !== 'UNDECIDED' || round.outcome === null) return false;
  return !round.outcome.early && !round.outcome.reasons.includes('SOURCE_CHANGED');
}

export interface NeedsDecision {
  /** What was missing at the deadline. */
  readonly reasons: readonly ReasonCode[];
  /** Votes can still decide it until then; null when the round has closed undecided. */
  readonly extendedUntil: EpochMs | null;
}

/** The manager-queue view of a round, or null when the round does not need a manager. */
export function needsDecisionOf(
  round: Round,
  reasonsAtDeadline: readonly ReasonCode[],
): NeedsDecision | null {
  if (!needsManager(round)) return null;
  return round.state === 'COLLECTING'
    ? { reasons: reasonsAtDeadline, extendedUntil: round.deadline }
    : { reasons: round.outcome?.reasons ?? reasonsAtDeadline, extendedUntil: null };
}
