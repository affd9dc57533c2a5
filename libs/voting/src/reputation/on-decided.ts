import type { Candidate, Id, ReasonCode, Vote } from '../model/types';
import { compareCodeUnits } from '../rank/rank-order';
import { countedVotesOf } from '../round/eligibility';
import type { VotingParams } from '../round/params';
import { scoreOf } from '../score/score-of';
import { q } from '../util/quantise';
import type { LedgerEntry } from './ledger';

export type CandidateClass = 'GOOD' | 'BAD' | 'NEUTRAL';

export interface DecidedRoundInput {
  readonly roundId: Id;
  readonly winnerId: Id;
  readonly reasons: readonly ReasonCode[];
  readonly isGold: boolean;
  readonly params: Pick<VotingParams, 'z' | 'badUB' | 'goldFactor'>;
  /** Candidates eligible at close plus those a manager rejected during the round. */
  readonly candidates: readonly Candidate[];
  readonly votes: readonly Vote[];
  readonly bannedUserIds: readonly Id[];
}

export interface EvaluatedVote {
  readonly voterId: Id;
  readonly candidateId: Id;
  readonly verdict: 'agree' | 'disagree';
}

export interface ReputationOutcome {
  readonly classes: readonly { readonly candidateId: Id; readonly class: CandidateClass }[];
  readonly entries: readonly LedgerEntry[];
  /** Votes to stamp with `evaluatedInRound = roundId`. */
  readonly evaluatedVotes: readonly EvaluatedVote[];
  readonly factor: number;
}

/** C3 classification: GOOD the winner; BAD rejected or q(UB) < q(badUB); else NEUTRAL. */
export function classifyCandidate(
  c: Candidate,
  winnerId: Id,
  upperBound: number,
  badUB: number,
): CandidateClass {
  if (c.id === winnerId) return 'GOOD';
  if (c.status === 'rejected' || q(upperBound) < q(badUB)) return 'BAD';
  return 'NEUTRAL';
}

/**
 * C3 onDecided: voter agree/disagree (× goldFactor for gold units and manager approvals) for votes not
 * yet evaluated, translator accepted/rejected. Returns ledger entries; nothing is mutated.
 */
export function reputationOnDecided(input: DecidedRoundInput): ReputationOutcome {
  const { params } = input;
  const factor = input.reasons.includes('MANAGER_APPROVED') || input.isGold ? params.goldFactor : 1;
  const voter = new Map<Id, { agree: number; disagree: number }>();
  const translator = new Map<Id, { accepted: number; rejected: number }>();
  const classes: { candidateId: Id; class: CandidateClass }[] = [];
  const evaluatedVotes: EvaluatedVote[] = [];

  const candidates = [...input.candidates].sort((a, b) => compareCodeUnits(a.id, b.id));
  for (const c of candidates) {
    const counted = countedVotesOf(c, input.votes, input.bannedUserIds);
    const cls = classifyCandidate(
      c,
      input.winnerId,
      scoreOf(counted, params.z).upperBound,
      params.badUB,
    );
    classes.push({ candidateId: c.id, class: cls });
    if (cls === 'NEUTRAL') continue;
    for (const v of counted) {
      if (v.evaluatedInRound !== null) continue;
      const agrees = (v.value === 1) === (cls === 'GOOD');
      const tally = voter.get(v.voterId) ?? { agree: 0, disagree: 0 };
      if (agrees) tally.agree += factor;
      else tally.disagree += factor;
      voter.set(v.voterId, tally);
      evaluatedVotes.push({
        voterId: v.voterId,
        candidateId: c.id,
        verdict: agrees ? 'agree' : 'disagree',
      });
    }
    const t = translator.get(c.authorId) ?? { accepted: 0, rejected: 0 };
    if (cls === 'GOOD') t.accepted += 1;
    else t.rejected += 1;
    translator.set(c.authorId, t);
  }

  const entries: LedgerEntry[] = [];
  for (const [userId, t] of [...voter].sort(([a], [b]) => compareCodeUnits(a, b))) {
    entries.push({ roundId: input.roundId, userId, kind: 'voter', ...t });
  }
  for (const [userId, t] of [...translator].sort(([a], [b]) => compareCodeUnits(a, b))) {
    entries.push({ roundId: input.roundId, userId, kind: 'translator', ...t });
  }
  return { classes, entries, evaluatedVotes, factor };
}
