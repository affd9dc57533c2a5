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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_EXTRAS: ReadonlyMap<string, NewCandidateRow> = new Map();

/**
 * Times travel as epoch ms (JSON numbers) and become timestamptz in SQL, truncated to the ms as
 * toISOString did: no date string is built or parsed per row.
 */
const at = (column: string): string =>
  `timestamptz 'epoch' + trunc(x.${column}) * interval '1 millisecond'`;

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

/** The columns a round's later writes change (`from`: EXCLUDED, or the update's recordset). */
const ROUND_SET = (from: string): string => `
  state = ${from}.state, collecting_since = ${from}.collecting_since, deadline = ${from}.deadline,
  extensions_used = ${from}.extensions_used, closed_at = ${from}.closed_at, winner_id = ${from}.winner_id,
  reasons = ${from}.reasons, decided_early = ${from}.decided_early,
  approved_candidate_id = ${from}.approved_candidate_id, rejected_candidate_ids = ${from}.rejected_candidate_ids,
  dirty = ${from}.dirty, decision = COALESCE(${from}.decision, round.decision)`;

/** Each statement below reads its rows from one JSON array parameter: one round trip per table. */
export const WRITES: readonly { rows: keyof Omit<ChangeRows, 'add'>; sql: string }[] = [
  {
    rows: 'rounds',
    sql: `INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, collecting_since, deadline,
                        extensions_used, closed_at, winner_id, reasons, decided_early, approved_candidate_id,
                        rejected_candidate_ids, dirty, decision)
     SELECT x.id, x.unit_id, x.number, x.source_hash, x.state, x.params, ${at('opened_at')},
            ${at('collecting_since')}, ${at('deadline')}, x.extensions_used, ${at('closed_at')},
            x.winner_id, x.reasons, x.decided_early, x.approved_candidate_id, x.rejected_candidate_ids,
            x.dirty, x.decision
       FROM json_to_recordset($1::json) AS x(id uuid, unit_id uuid, number int, source_hash text,
       state text, params jsonb, opened_at float8, collecting_since float8, deadline float8,
       extensions_used int, closed_at float8, winner_id uuid, reasons text[], decided_early boolean,
       approved_candidate_id uuid, rejected_candidate_ids uuid[], dirty boolean, decision jsonb)
     ON CONFLICT (id) DO UPDATE SET ${ROUND_SET('EXCLUDED')}`,
  },
  {
    rows: 'roundUpdates',
    sql: `UPDATE round SET ${ROUND_SET('x')}
       FROM (SELECT x.id, x.state, ${at('collecting_since')} AS collecting_since, ${at('deadline')} AS deadline,
                    x.extensions_used, ${at('closed_at')} AS closed_at, x.winner_id, x.reasons, x.decided_early,
                    x.approved_candidate_id, x.rejected_candidate_ids, x.dirty, x.decision
               FROM json_to_recordset($1::json) AS x(id uuid, state text, collecting_since float8,
                 deadline float8, extensions_used int, closed_at float8, winner_id uuid, reasons text[],
                 decided_early boolean, approved_candidate_id uuid, rejected_candidate_ids uuid[],
                 dirty boolean, decision jsonb)) AS x
      WHERE round.id = x.id`,
  },
  {
    rows: 'newCandidates',
    sql: `INSERT INTO translation (id, unit_id, author_id, source_hash, forms, dedupe_key, status, origin, findings,
                              blocking_errors, created_at)
     SELECT x.id, x.unit_id, x.author_id, x.source_hash, x.forms, x.dedupe_key, x.status, x.origin, x.findings,
            x.blocking_errors, ${at('created_at')}
       FROM json_to_recordset($1::json) AS x(id uuid, unit_id uuid, author_id uuid, source_hash text,
       forms jsonb, dedupe_key text, status text, origin text, findings jsonb, blocking_errors text[],
       created_at float8)`,
  },
  {
    rows: 'statuses',
    sql: `UPDATE translation t SET status = x.status, updated_at = now()
       FROM json_to_recordset($1::json) AS x(id uuid, status text) WHERE t.id = x.id`,
  },
  {
    rows: 'votes',
    sql: `INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at)
     SELECT x.translation_id, x.unit_id, x.voter_id, x.value, x.weight, ${at('cast_at')}
       FROM json_to_recordset($1::json) AS x(translation_id uuid, unit_id uuid, voter_id uuid,
       value int, weight float8, cast_at float8)
     ON CONFLICT (translation_id, voter_id) DO UPDATE
       SET value = EXCLUDED.value, weight = EXCLUDED.weight, cast_at = EXCLUDED.cast_at`,
  },
  {
    // Insert-only, after the votes they evaluate: the first evaluation of a vote stands (C3), so
    // replaying a close inserts nothing. A stamp on the vote row rewrote the row and its four
    // index entries per vote, the close's costliest statement (issue 15, eighth pass).
    rows: 'evaluations',
    sql: `INSERT INTO vote_evaluation (translation_id, voter_id, round_id)
     SELECT x.translation_id, x.voter_id, x.round_id
       FROM json_to_recordset($1::json) AS x(translation_id uuid, voter_id uuid, round_id uuid)
     ON CONFLICT (translation_id, voter_id) DO NOTHING`,
  },
  {
    rows: 'deletedVotes',
    // A retracted vote takes its evaluation along (trigger vote_evaluation_follows_vote): cast
    // again, it is a new vote (C3).
    sql: `DELETE FROM vote v USING json_to_recordset($1::json) AS x(translation_id uuid, voter_id uuid)
      WHERE v.translation_id = x.translation_id AND v.voter_id = x.voter_id`,
  },
  {
    rows: 'units',
    sql: `UPDATE translation_unit tu
        SET current_round_id = x.current_round_id, locked = x.locked,
            winner_translation_id = x.winner_translation_id, winner_round_id = x.winner_round_id,
            winner_source_hash = x.winner_source_hash, decided_at = ${at('decided_at')}, updated_at = now()
       FROM json_to_recordset($1::json) AS x(id uuid, current_round_id uuid, locked boolean,
         winner_translation_id uuid, winner_round_id uuid, winner_source_hash text, decided_at float8)
      WHERE tu.id = x.id`,
  },
  {
    // Keyed by (round, user, kind): replaying a close inserts nothing. Reputation is the sum of a
    // user's rows (voterProfile), so rounds sharing voters never queue on a per-user total.
    rows: 'ledger',
    sql: `INSERT INTO reputation_ledger (round_id, user_id, kind, project_id, locale, agree, disagree, accepted, rejected)
     SELECT * FROM json_to_recordset($1::json) AS x(round_id uuid, user_id uuid, kind text, project_id uuid,
       locale text, agree float8, disagree float8, accepted float8, rejected float8)
     ON CONFLICT (round_id, user_id, kind) DO NOTHING`,
  },
];
