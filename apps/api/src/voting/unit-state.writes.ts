import {
  type CandidateStatus,
  type Effect,
  type Round,
  type UnitVotingState,
  type Vote,
  dedupeKey,
} from '@chorus/voting';
import type { StoredFinding, TranslationOrigin } from '../translation/translation.entity';
import type { LoadedUnit, UnitContext } from './unit-state.load';
import { UUID } from '../common/uuid';

/** Extra columns of a candidate inserted by this transition. */
export interface NewCandidateRow {
  readonly id: string;
  readonly findings: readonly StoredFinding[];
  readonly origin: TranslationOrigin;
}

/** One unit's transition, as saveMany writes it. */
export interface UnitChange {
  readonly loaded: LoadedUnit;
  readonly after: UnitVotingState;
  readonly effects: readonly Effect[];
  readonly newCandidates?: ReadonlyMap<string, NewCandidateRow>;
}

const NO_EXTRAS: ReadonlyMap<string, NewCandidateRow> = new Map();

/** The round's columns as written; two rounds with equal rows need no write. */
function roundRow(unitId: string, round: Round, decision: unknown) {
  return {
    ...roundUpdate(round, decision),
    unit_id: unitId,
    number: round.number,
    source_hash: round.sourceHash,
    params: round.params,
    opened_at: round.openedAt,
  };
}

/**
 * What an update of a round sets (`ROUND_SET`): a round's unit, number, source, parameters and
 * opening are only ever inserted, so rounds known to exist travel without them (the parameters
 * are most of a round's row).
 */
function roundUpdate(round: Round, decision: unknown) {
  const state = round.state;
  const outcome = round.outcome;
  return {
    id: round.id,
    state,
    collecting_since: round.collectingSince,
    deadline: round.deadline,
    extensions_used: round.extensionsUsed,
    closed_at: round.closedAt,
    winner_id: state === 'DECIDED' ? (outcome?.winnerId ?? null) : null,
    reasons: outcome?.reasons ?? [],
    decided_early: outcome?.early ?? false,
    approved_candidate_id: round.approvedCandidateId,
    rejected_candidate_ids: round.rejectedCandidateIds,
    dirty: round.dirty,
    decision: decision ?? null,
  };
}

function unitRow(unitId: string, state: UnitVotingState, roundId: string | null) {
  const winner = state.publishedWinner;
  return {
    id: unitId,
    current_round_id: roundId,
    locked: state.unit.locked,
    winner_translation_id: winner?.candidateId ?? null,
    winner_round_id: winner?.roundId ?? null,
    winner_source_hash: winner?.sourceHash ?? null,
    decided_at: winner?.decidedAt ?? null,
  };
}

function voteRow(unitId: string, vote: Vote) {
  return {
    translation_id: vote.candidateId,
    unit_id: unitId,
    voter_id: vote.voterId,
    value: vote.value,
    weight: vote.weight,
    cast_at: vote.castAt,
  };
}

/**
 * Whether two rows built by the same function (same keys) hold equal values. Scalars compare
 * directly and the first difference ends the check; only arrays and objects (params, reasons) are
 * serialised.
 */
function same<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(a) as (keyof T)[]) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

/**
 * The rows a batch of transitions writes, one array per statement. Only what changed is built:
 * an object libs/voting handed back untouched (it never mutates) is the loaded one, so identity
 * settles most comparisons of a close batch without building the rows it would compare.
 */
export class ChangeRows {
  readonly rounds: ReturnType<typeof roundRow>[] = [];
  /** Rounds loaded in this transaction (so they exist): updated, without their parameters. */
  readonly roundUpdates: ReturnType<typeof roundUpdate>[] = [];
  readonly newCandidates: Record<string, unknown>[] = [];
  readonly statuses: { id: string; status: CandidateStatus }[] = [];
  readonly votes: ReturnType<typeof voteRow>[] = [];
  readonly deletedVotes: { translation_id: string; voter_id: string }[] = [];
  /** Votes a decision evaluated (vote_evaluation rows; the vote row itself is not rewritten). */
  readonly evaluations: { translation_id: string; voter_id: string; round_id: string }[] = [];
  readonly units: ReturnType<typeof unitRow>[] = [];
  readonly ledger: Record<string, unknown>[] = [];

  add(change: UnitChange): void {
    const { loaded, after, effects } = change;
    const unitId = loaded.context.unitId;
    const before = loaded.state;
    this.addRounds(unitId, before, after, effects);
    if (before === null || before.candidates !== after.candidates)
      this.addCandidates(unitId, before, after, change.newCandidates ?? NO_EXTRAS);
    if (before === null || before.votes !== after.votes) this.addVotes(unitId, before, after);
    this.addUnit(loaded, after);
    for (const effect of effects) {
      if (effect.type === 'applyReputation') this.addLedger(loaded.context, effect.entries);
    }
  }

  private addUnit(loaded: LoadedUnit, after: UnitVotingState): void {
    const unitId = loaded.context.unitId;
    const before = loaded.state;
    const unchanged =
      before !== null &&
      before.publishedWinner === after.publishedWinner &&
      before.unit.locked === after.unit.locked &&
      loaded.storedRoundId === after.round.id;
    if (unchanged) return;
    const afterUnit = unitRow(unitId, after, after.round.id);
    if (before === null || !same(unitRow(unitId, before, loaded.storedRoundId), afterUnit))
      this.units.push(afterUnit);
  }

  private addRounds(
    unitId: string,
    before: UnitVotingState | null,
    after: UnitVotingState,
    effects: readonly Effect[],
  ): void {
    let decisions = false;
    for (const effect of effects) if (effect.type === 'publishDecision') decisions = true;
    if (!decisions && before !== null && before.round === after.round) return;
    const rounds = new Map<string, { round: Round; decision: unknown }>();
    for (const effect of effects) {
      if (effect.type === 'publishDecision')
        rounds.set(effect.round.id, { round: effect.round, decision: effect.explanation });
    }
    const current = rounds.get(after.round.id);
    rounds.set(after.round.id, { round: after.round, decision: current?.decision ?? null });
    for (const { round, decision } of rounds.values()) {
      if (before === null || before.round.id !== round.id) {
        this.rounds.push(roundRow(unitId, round, decision));
        continue;
      }
      const row = roundUpdate(round, decision);
      const unchanged = decision === null && same(roundUpdate(before.round, null), row);
      if (!unchanged) this.roundUpdates.push(row);
    }
  }

  private addCandidates(
    unitId: string,
    before: UnitVotingState | null,
    after: UnitVotingState,
    extras: ReadonlyMap<string, NewCandidateRow>,
  ): void {
    const previous = new Map((before?.candidates ?? []).map((c) => [c.id, c]));
    for (const candidate of after.candidates) {
      const old = previous.get(candidate.id);
      if (old === undefined) {
        const extra = extras.get(candidate.id);
        this.newCandidates.push({
          id: candidate.id,
          unit_id: unitId,
          author_id: candidate.authorId,
          source_hash: candidate.sourceHash,
          forms: candidate.forms,
          dedupe_key: dedupeKey(candidate.forms),
          status: candidate.status,
          origin: extra?.origin ?? 'community',
          findings: extra?.findings ?? [],
          blocking_errors: candidate.blockingErrors,
          created_at: candidate.createdAt,
        });
      } else if (old.status !== candidate.status) {
        this.statuses.push({ id: candidate.id, status: candidate.status });
      }
    }
  }

  private addVotes(unitId: string, before: UnitVotingState | null, after: UnitVotingState): void {
    const oldVotes = before?.votes ?? [];
    const newVotes = after.votes;
    // A close keeps the votes in place (it only marks them evaluated): compare pairwise.
    if (oldVotes.length === newVotes.length && alignedVotes(oldVotes, newVotes)) {
      for (let i = 0; i < newVotes.length; i += 1)
        this.addVote(unitId, oldVotes[i], newVotes[i] as Vote);
      return;
    }
    const key = (v: Vote) => `${v.candidateId}/${v.voterId}`;
    const oldByKey = new Map(oldVotes.map((v) => [key(v), v]));
    const newByKey = new Map(newVotes.map((v) => [key(v), v]));
    for (const [k, vote] of newByKey) this.addVote(unitId, oldByKey.get(k), vote);
    for (const [k, vote] of oldByKey) {
      if (!newByKey.has(k))
        this.deletedVotes.push({ translation_id: vote.candidateId, voter_id: vote.voterId });
    }
  }

  /**
   * A vote of `after` against the loaded one (if any): its row when the vote itself changed, and
   * its evaluation when a decision gave it one.
   */
  private addVote(unitId: string, old: Vote | undefined, vote: Vote): void {
    // libs/voting never mutates: an object it passed through unchanged is the loaded one.
    if (old === vote) return;
    const row = voteRow(unitId, vote);
    if (old === undefined || !same(voteRow(unitId, old), row)) this.votes.push(row);
    const evaluated = vote.evaluatedInRound;
    if (evaluated !== null && evaluated !== (old?.evaluatedInRound ?? null))
      this.evaluations.push({
        translation_id: vote.candidateId,
        voter_id: vote.voterId,
        round_id: evaluated,
      });
  }

  private addLedger(
    context: UnitContext,
    entries: readonly (Effect & { type: 'applyReputation' })['entries'][number][],
  ): void {
    for (const entry of entries) {
      if (!UUID.test(entry.userId)) continue; // an imported text's pseudo-author
      const voter = entry.kind === 'voter';
      this.ledger.push({
        round_id: entry.roundId,
        user_id: entry.userId,
        kind: entry.kind,
        project_id: context.projectId,
        locale: context.localeCode,
        agree: voter ? entry.agree : 0,
        disagree: voter ? entry.disagree : 0,
        accepted: voter ? 0 : entry.accepted,
        rejected: voter ? 0 : entry.rejected,
      });
    }
  }
}

/** Same (candidate, voter) at every index, each once: the pairwise comparison is then exact. */
function alignedVotes(a: readonly Vote[], b: readonly Vote[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as Vote;
    const y = b[i] as Vote;
    if (x.candidateId !== y.candidateId || x.voterId !== y.voterId) return false;
    const k = `${x.candidateId}/${x.voterId}`;
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}
