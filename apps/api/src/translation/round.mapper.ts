import { describeReasons, type ReasonCode } from '@chorus/voting';
import type { RoundEntity } from '../voting/round.entity';

/** What the round's models are made of: a stored round's columns (an entity, or a string row's `round`). */
export type RoundView = Pick<
  RoundEntity,
  | 'id'
  | 'number'
  | 'state'
  | 'params'
  | 'collectingSince'
  | 'deadline'
  | 'closedAt'
  | 'reasons'
  | 'decision'
  | 'extensionsUsed'
  | 'decidedEarly'
  | 'winnerId'
>;
import type {
  DecisionCandidateModel,
  DecisionModel,
  NeedsDecisionModel,
  RoundModel,
} from './dto/round.model';
import { RoundState } from './dto/translation-enums';

const REASON_CODES: readonly ReasonCode[] = [
  'QUORUM',
  'MIN_VOTES',
  'MIN_SCORE',
  'MIN_MARGIN',
  'MANAGER_APPROVED',
  'SOURCE_CHANGED',
];

export function toRoundModel(round: RoundView): RoundModel {
  return {
    id: round.id,
    number: round.number,
    state: RoundState[round.state],
    collectingSince: round.collectingSince,
    duration: durationOf(round),
    deadline: round.deadline,
    closedAt: round.closedAt,
    reasons: [...round.reasons],
    decision: toDecisionModel(round),
    needsDecision: toNeedsDecision(round),
  };
}

function durationOf(round: RoundView): number | null {
  const value: unknown = round.params?.['duration'];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * The manager's queue (libs/voting `needsManager`, issue 17): an extended round still collecting,
 * with the reasons of the explanation published when it was extended, or a round that closed
 * UNDECIDED at its deadline. Early and source-change closes are not a manager's call.
 */
export function toNeedsDecision(round: RoundView): NeedsDecisionModel | null {
  if (round.state === 'COLLECTING' && round.extensionsUsed > 0) {
    const raw = round.decision?.['reasons'];
    const reasons = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string') : [];
    return { reasons, extendedUntil: round.deadline };
  }
  if (
    round.state === 'UNDECIDED' &&
    !round.decidedEarly &&
    !round.reasons.includes('SOURCE_CHANGED')
  ) {
    return { reasons: [...round.reasons], extendedUntil: null };
  }
  return null;
}

/**
 * Maps the stored decision (libs/voting's DecisionExplanation) defensively: the column is jsonb
 * written by another context, so every field is checked and missing ones get neutral values.
 * Voter ids in the explanation are deliberately not exposed.
 */
export function toDecisionModel(round: RoundView): DecisionModel | null {
  const raw = round.decision;
  if (raw === null || typeof raw !== 'object') return null;
  const outcome = stringOr(raw['outcome'], round.state);
  const decided = outcome === 'DECIDED';
  const winnerId = stringOr(raw['winnerId'], null) ?? (decided ? round.winnerId : null);
  const reasons = Array.isArray(raw['reasons'])
    ? raw['reasons'].filter((r): r is string => typeof r === 'string')
    : [...round.reasons];
  const candidates = (Array.isArray(raw['candidates']) ? raw['candidates'] : [])
    .map((c, i) => toDecisionCandidate(c, i + 1, winnerId))
    .filter((c): c is DecisionCandidateModel => c !== null)
    .sort((a, b) => a.rank - b.rank);
  return {
    decided,
    winnerId,
    reasons,
    summary: summarise(decided, reasons, candidates),
    candidates,
  };
}

function toDecisionCandidate(
  value: unknown,
  fallbackRank: number,
  winnerId: string | null,
): DecisionCandidateModel | null {
  if (value === null || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  const candidateId = stringOr(c['candidateId'], null);
  if (candidateId === null) return null;
  return {
    candidateId,
    wPlus: numberOr(c['wPlus'], 0),
    wMinus: numberOr(c['wMinus'], 0),
    score: numberOr(c['score'], 0),
    upperBound: numberOr(c['upperBound'], 1),
    upvoters: Math.trunc(numberOr(c['upvoters'], 0)),
    downvoters: Math.trunc(numberOr(c['downvoters'], 0)),
    rank: Math.trunc(numberOr(c['rank'], fallbackRank)),
    winner: typeof c['isWinner'] === 'boolean' ? c['isWinner'] : candidateId === winnerId,
  };
}

function summarise(
  decided: boolean,
  reasons: readonly string[],
  candidates: readonly DecisionCandidateModel[],
): string {
  const known = REASON_CODES.filter((code) => reasons.includes(code));
  const why = known.length > 0 ? describeReasons(known) : '';
  if (!decided)
    return why === '' ? 'No translation was chosen.' : `No translation was chosen: ${why}.`;
  if (known.includes('MANAGER_APPROVED')) return 'A language manager approved this translation.';
  const [first, second] = candidates;
  if (first === undefined) return 'This translation was chosen.';
  const lead =
    second === undefined ? '' : `, ${(first.score - second.score).toFixed(2)} ahead of the next`;
  return `Chosen with score ${first.score.toFixed(2)} from ${first.upvoters} upvote(s) and ${first.downvoters} downvote(s)${lead}.`;
}

function stringOr<T extends string | null>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
