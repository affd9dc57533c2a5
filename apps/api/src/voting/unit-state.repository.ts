import {
  type Candidate,
  type CandidateStatus,
  type Effect,
  type PublishedWinner,
  type ReasonCode,
  type Round,
  type RoundState,
  type UnitVotingState,
  type Vote,
  type VoteValue,
  type VotingParams,
  type VoterProfile,
  DEFAULT_PARAMS,
  dedupeKey,
} from '@chorus/voting';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { votingParamsOf } from '../catalogue/voting-settings';
import { preparedQuery } from '../database/prepared-query';
import type { StoredFinding, TranslationOrigin } from '../translation/translation.entity';

/** The unit row and what the API needs around it (project, locale, string). */
export interface UnitContext {
  readonly unitId: string;
  readonly projectId: string;
  readonly projectSlug: string;
  readonly projectVisibility: 'public' | 'private';
  readonly stringId: string;
  readonly localeId: string;
  readonly localeCode: string;
  readonly sourceLocale: string;
  readonly stringRemoved: boolean;
}

export interface LoadedUnit {
  readonly context: UnitContext;
  /** null when the unit has never had a round (createUnitState makes round 1). */
  readonly state: UnitVotingState | null;
  readonly params: VotingParams;
  readonly unit: UnitVotingState['unit'];
  /** `translation_unit.current_round_id` as stored, so save can skip an unchanged unit row. */
  readonly storedRoundId: string | null;
}

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

interface UnitRow {
  id: string;
  project_id: string;
  slug: string;
  visibility: 'public' | 'private';
  settings: { voting?: Record<string, unknown> } | null;
  source_locale: string;
  string_id: string;
  locale_id: string;
  code: string;
  source_hash: string;
  removed_at: Date | null;
  locked: boolean;
  is_gold: boolean;
  current_round_id: string | null;
  winner_translation_id: string | null;
  winner_round_id: string | null;
  winner_source_hash: string | null;
  decided_at: Date | null;
}

/** Timestamps arrive as ISO strings: the state is read as JSON, one row per unit. */
interface RoundJson {
  id: string;
  number: number;
  source_hash: string;
  state: RoundState;
  params: Record<string, number>;
  opened_at: string;
  collecting_since: string | null;
  deadline: string | null;
  extensions_used: number;
  closed_at: string | null;
  winner_id: string | null;
  reasons: string[];
  decided_early: boolean;
  approved_candidate_id: string | null;
  rejected_candidate_ids: string[];
  dirty: boolean;
}

interface CandidateJson {
  id: string;
  source_hash: string;
  author_id: string;
  origin: string;
  forms: Record<string, string>;
  created_at: string;
  status: CandidateStatus;
  blocking_errors: string[];
  banned: boolean;
}

interface VoteJson {
  voter_id: string;
  translation_id: string;
  value: number;
  cast_at: string;
  weight: number;
  evaluated_in_round: string | null;
  banned: boolean;
}

interface StateRow {
  unit_id: string;
  round: RoundJson | null;
  candidates: CandidateJson[];
  votes: VoteJson[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REASONS: readonly ReasonCode[] = [
  'QUORUM',
  'MIN_VOTES',
  'MIN_SCORE',
  'MIN_MARGIN',
  'MANAGER_APPROVED',
  'SOURCE_CHANGED',
];
const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());
const epoch = (iso: string): number => new Date(iso).getTime();
const epochOrNull = (iso: string | null): number | null => (iso === null ? null : epoch(iso));
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

const UNIT_COLUMNS = `tu.id, tu.project_id, p.slug, p.visibility, p.settings, p.source_locale, tu.string_id,
  tu.locale_id, l.code, s.source_hash, s.removed_at, tu.locked, tu.is_gold, tu.current_round_id,
  tu.winner_translation_id, tu.winner_round_id, tu.winner_source_hash, tu.decided_at`;
const UNIT_JOINS = `translation_unit tu
  JOIN source_string s ON s.id = tu.string_id
  JOIN locale l ON l.id = tu.locale_id
  JOIN project p ON p.id = tu.project_id`;

/**
 * Units whose current round is due at $2 (what a tick acts on), other than $1, that no other
 * transaction holds: past the deadline, or undecided, touched and past the re-open cooldown.
 * Each claim starts from its index on round and locks the ROUND rows there with SKIP LOCKED, so
 * concurrent batches skip each other's rounds inside the index scan itself and a claim reads about
 * as many rows as it takes, however many rounds are already closed (an ordinary index scan also
 * marks the entries of closed rounds dead as it passes them, which a bitmap scan never does; and
 * joined from translation_unit, the planner walked every unit, 1.4k → 69k buffers per claim from 0
 * to 9.8k closed rounds). The units are then locked by primary key, skipping any that a vote or
 * another close holds; a round locked but whose unit was skipped is released at commit.
 */
const claimFromRounds = (due: string): string => `WITH due AS MATERIALIZED (${due})
  SELECT ${UNIT_COLUMNS} FROM ${UNIT_JOINS}
   WHERE tu.id = ANY(ARRAY(SELECT unit_id FROM due))
     AND tu.current_round_id = ANY(ARRAY(SELECT id FROM due))
   FOR UPDATE OF tu SKIP LOCKED`;
const DUE_CLAIMS = [
  claimFromRounds(`SELECT r.id, r.unit_id FROM round r
    WHERE r.state = ANY('{COLLECTING,CLOSING}'::text[]) AND r.deadline <= $2 AND r.unit_id <> $1
    LIMIT $3 FOR UPDATE OF r SKIP LOCKED`),
  claimFromRounds(`SELECT r.id, r.unit_id FROM round r
    WHERE r.state = 'UNDECIDED' AND r.dirty AND r.unit_id <> $1
      AND r.closed_at + make_interval(secs => (r.params->>'reopenCooldown')::float8 / 1000) <= $2
    LIMIT $3 FOR UPDATE OF r SKIP LOCKED`),
];

/**
 * Everything a transition reads, one row per unit, in one statement: the latest round, the
 * candidates and the votes as JSON (banned authors and voters flagged). Runs after the lock, so
 * its snapshot sees every change committed before the lock was granted.
 */
const STATE_COLUMNS = `
SELECT tu.id AS unit_id,
  (SELECT jsonb_build_object(
      'id', r.id, 'number', r.number, 'source_hash', r.source_hash, 'state', r.state, 'params', r.params,
      'opened_at', r.opened_at, 'collecting_since', r.collecting_since, 'deadline', r.deadline,
      'extensions_used', r.extensions_used, 'closed_at', r.closed_at, 'winner_id', r.winner_id,
      'reasons', r.reasons, 'decided_early', r.decided_early,
      'approved_candidate_id', r.approved_candidate_id,
      'rejected_candidate_ids', r.rejected_candidate_ids, 'dirty', r.dirty)
     FROM round r WHERE r.unit_id = tu.id ORDER BY r.number DESC LIMIT 1) AS round,
  COALESCE((SELECT jsonb_agg(jsonb_build_object(
      'id', t.id, 'source_hash', t.source_hash, 'author_id', t.author_id, 'origin', t.origin,
      'forms', t.forms, 'created_at', t.created_at, 'status', t.status,
      'blocking_errors', t.blocking_errors, 'banned', a.banned_at IS NOT NULL) ORDER BY t.created_at, t.id)
     FROM translation t JOIN "user" a ON a.id = t.author_id WHERE t.unit_id = tu.id), '[]') AS candidates,
  COALESCE((SELECT jsonb_agg(jsonb_build_object(
      'voter_id', v.voter_id, 'translation_id', v.translation_id, 'value', v.value, 'cast_at', v.cast_at,
      'weight', v.weight, 'evaluated_in_round', v.evaluated_in_round, 'banned', u.banned_at IS NOT NULL))
     FROM vote v JOIN "user" u ON u.id = v.voter_id WHERE v.unit_id = tu.id), '[]') AS votes
  FROM translation_unit tu`;
/** One unit (a vote): `id = $1` keeps a generic plan; with `= ANY` Postgres re-plans every call. */
const STATE_OF_ONE = `${STATE_COLUMNS} WHERE tu.id = $1`;
const STATE_OF_MANY = `${STATE_COLUMNS} WHERE tu.id = ANY($1::uuid[])`;

/** The project's voting parameters (catalogue/voting-settings.ts is the one definition). */
export function projectParams(settings: { voting?: Record<string, unknown> } | null): VotingParams {
  return votingParamsOf(settings);
}

function toRound(row: RoundJson, unitId: string): Round {
  const final = row.state === 'DECIDED' || row.state === 'UNDECIDED';
  return {
    id: row.id,
    unitId,
    number: row.number,
    sourceHash: row.source_hash,
    state: row.state,
    params: { ...DEFAULT_PARAMS, ...row.params },
    openedAt: epoch(row.opened_at),
    collectingSince: epochOrNull(row.collecting_since),
    deadline: epochOrNull(row.deadline),
    extensionsUsed: row.extensions_used,
    closedAt: epochOrNull(row.closed_at),
    outcome: final
      ? {
          decided: row.state === 'DECIDED',
          winnerId: row.winner_id,
          reasons: row.reasons.filter((r): r is ReasonCode =>
            (REASONS as readonly string[]).includes(r),
          ),
          early: row.decided_early,
        }
      : null,
    approvedCandidateId: row.approved_candidate_id,
    rejectedCandidateIds: row.rejected_candidate_ids,
    dirty: row.dirty,
  };
}

function toContext(row: UnitRow): UnitContext {
  return {
    unitId: row.id,
    projectId: row.project_id,
    projectSlug: row.slug,
    projectVisibility: row.visibility,
    stringId: row.string_id,
    localeId: row.locale_id,
    localeCode: row.code,
    sourceLocale: row.source_locale,
    stringRemoved: row.removed_at !== null,
  };
}

function toLoaded(row: UnitRow, stored: StateRow | undefined): LoadedUnit {
  const params = projectParams(row.settings);
  const unit = { id: row.id, sourceHash: row.source_hash, isGold: row.is_gold, locked: row.locked };
  const base = { context: toContext(row), params, unit, storedRoundId: row.current_round_id };
  if (stored === undefined || stored.round === null) return { ...base, state: null };
  const unitId = row.id;
  const banned = [
    ...new Set([
      ...stored.candidates.filter((c) => c.banned).map((c) => c.author_id),
      ...stored.votes.filter((v) => v.banned).map((v) => v.voter_id),
    ]),
  ];
  const publishedWinner: PublishedWinner | null =
    row.winner_translation_id !== null &&
    row.winner_round_id !== null &&
    row.winner_source_hash !== null
      ? {
          roundId: row.winner_round_id,
          candidateId: row.winner_translation_id,
          sourceHash: row.winner_source_hash,
          decidedAt: ms(row.decided_at) ?? 0,
        }
      : null;
  const state: UnitVotingState = {
    unit,
    params,
    round: toRound(stored.round, unitId),
    candidates: stored.candidates.map((c): Candidate => ({
      id: c.id,
      unitId,
      sourceHash: c.source_hash,
      // An imported text is the app's, not the importer's: it neither blocks the importer's own
      // candidate nor makes their vote on it a self-vote, and earns them no reputation.
      authorId: c.origin === 'community' ? c.author_id : `${c.origin}:${c.id}`,
      forms: c.forms,
      createdAt: epoch(c.created_at),
      status: c.status,
      blockingErrors: c.blocking_errors,
    })),
    votes: stored.votes.map((v): Vote => ({
      voterId: v.voter_id,
      candidateId: v.translation_id,
      value: v.value as VoteValue,
      castAt: epoch(v.cast_at),
      weight: v.weight,
      evaluatedInRound: v.evaluated_in_round,
    })),
    bannedUserIds: banned,
    publishedWinner,
  };
  return { ...base, state };
}

/** The round's columns as written; two rounds with equal rows need no write. */
function roundRow(unitId: string, round: Round, decision: unknown) {
  const state = round.state;
  const outcome = round.outcome;
  return {
    id: round.id,
    unit_id: unitId,
    number: round.number,
    source_hash: round.sourceHash,
    state,
    params: round.params,
    opened_at: iso(round.openedAt),
    collecting_since: iso(round.collectingSince),
    deadline: iso(round.deadline),
    extensions_used: round.extensionsUsed,
    closed_at: iso(round.closedAt),
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
    decided_at: iso(winner?.decidedAt ?? null),
  };
}

function voteRow(unitId: string, vote: Vote) {
  return {
    translation_id: vote.candidateId,
    unit_id: unitId,
    voter_id: vote.voterId,
    value: vote.value,
    weight: vote.weight,
    cast_at: iso(vote.castAt),
    evaluated_in_round: vote.evaluatedInRound,
  };
}

/**
 * Whether two rows built by the same function (same keys) hold equal values. Scalars compare
 * directly and the first difference ends the check; only arrays and objects (params, reasons) are
 * serialised. A close batch compares every round, unit and vote it loaded: serialising whole rows
 * each time was a visible share of the worker's CPU.
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

/** The rows a batch of transitions writes, one array per statement. */
class ChangeRows {
  readonly rounds: ReturnType<typeof roundRow>[] = [];
  readonly newCandidates: Record<string, unknown>[] = [];
  readonly statuses: { id: string; status: CandidateStatus }[] = [];
  readonly votes: ReturnType<typeof voteRow>[] = [];
  readonly deletedVotes: { translation_id: string; voter_id: string }[] = [];
  readonly units: ReturnType<typeof unitRow>[] = [];
  readonly ledger: Record<string, unknown>[] = [];

  add(change: UnitChange): void {
    const { loaded, after, effects } = change;
    const unitId = loaded.context.unitId;
    const before = loaded.state;
    this.addRounds(unitId, before, after, effects);
    this.addCandidates(unitId, before, after, change.newCandidates ?? new Map());
    this.addVotes(unitId, before, after);
    const beforeUnit =
      before === null ? null : unitRow(unitId, before, loaded.storedRoundId ?? null);
    const afterUnit = unitRow(unitId, after, after.round.id);
    if (beforeUnit === null || !same(beforeUnit, afterUnit)) this.units.push(afterUnit);
    for (const effect of effects) {
      if (effect.type === 'applyReputation') this.addLedger(loaded.context, effect.entries);
    }
  }

  private addRounds(
    unitId: string,
    before: UnitVotingState | null,
    after: UnitVotingState,
    effects: readonly Effect[],
  ): void {
    const rounds = new Map<string, { round: Round; decision: unknown }>();
    for (const effect of effects) {
      if (effect.type === 'publishDecision')
        rounds.set(effect.round.id, { round: effect.round, decision: effect.explanation });
    }
    const current = rounds.get(after.round.id);
    rounds.set(after.round.id, { round: after.round, decision: current?.decision ?? null });
    for (const { round, decision } of rounds.values()) {
      const row = roundRow(unitId, round, decision);
      const unchanged =
        decision === null &&
        before !== null &&
        before.round.id === round.id &&
        same(roundRow(unitId, before.round, null), row);
      if (!unchanged) this.rounds.push(row);
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
          created_at: iso(candidate.createdAt),
        });
      } else if (old.status !== candidate.status) {
        this.statuses.push({ id: candidate.id, status: candidate.status });
      }
    }
  }

  private addVotes(unitId: string, before: UnitVotingState | null, after: UnitVotingState): void {
    const key = (v: Vote) => `${v.candidateId}/${v.voterId}`;
    const oldVotes = new Map((before?.votes ?? []).map((v) => [key(v), v]));
    const newVotes = new Map(after.votes.map((v) => [key(v), v]));
    for (const [k, vote] of newVotes) {
      const old = oldVotes.get(k);
      const row = voteRow(unitId, vote);
      if (old === undefined || !same(voteRow(unitId, old), row)) this.votes.push(row);
    }
    for (const [k, vote] of oldVotes) {
      if (!newVotes.has(k))
        this.deletedVotes.push({ translation_id: vote.candidateId, voter_id: vote.voterId });
    }
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

/** Each statement below reads its rows from one JSON array parameter: one round trip per table. */
const WRITES: readonly { rows: keyof Omit<ChangeRows, 'add'>; sql: string }[] = [
  {
    rows: 'rounds',
    sql: `INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, collecting_since, deadline,
                        extensions_used, closed_at, winner_id, reasons, decided_early, approved_candidate_id,
                        rejected_candidate_ids, dirty, decision)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, unit_id uuid, number int, source_hash text,
       state text, params jsonb, opened_at timestamptz, collecting_since timestamptz, deadline timestamptz,
       extensions_used int, closed_at timestamptz, winner_id uuid, reasons text[], decided_early boolean,
       approved_candidate_id uuid, rejected_candidate_ids uuid[], dirty boolean, decision jsonb)
     ON CONFLICT (id) DO UPDATE SET
       state = EXCLUDED.state, collecting_since = EXCLUDED.collecting_since, deadline = EXCLUDED.deadline,
       extensions_used = EXCLUDED.extensions_used, closed_at = EXCLUDED.closed_at, winner_id = EXCLUDED.winner_id,
       reasons = EXCLUDED.reasons, decided_early = EXCLUDED.decided_early,
       approved_candidate_id = EXCLUDED.approved_candidate_id, rejected_candidate_ids = EXCLUDED.rejected_candidate_ids,
       dirty = EXCLUDED.dirty, decision = COALESCE(EXCLUDED.decision, round.decision)`,
  },
  {
    rows: 'newCandidates',
    sql: `INSERT INTO translation (id, unit_id, author_id, source_hash, forms, dedupe_key, status, origin, findings,
                              blocking_errors, created_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, unit_id uuid, author_id uuid, source_hash text,
       forms jsonb, dedupe_key text, status text, origin text, findings jsonb, blocking_errors text[],
       created_at timestamptz)`,
  },
  {
    rows: 'statuses',
    sql: `UPDATE translation t SET status = x.status, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text) WHERE t.id = x.id`,
  },
  {
    rows: 'votes',
    sql: `INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at, evaluated_in_round)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(translation_id uuid, unit_id uuid, voter_id uuid,
       value int, weight float8, cast_at timestamptz, evaluated_in_round uuid)
     ON CONFLICT (translation_id, voter_id) DO UPDATE
       SET value = EXCLUDED.value, weight = EXCLUDED.weight, cast_at = EXCLUDED.cast_at,
           evaluated_in_round = EXCLUDED.evaluated_in_round`,
  },
  {
    rows: 'deletedVotes',
    sql: `DELETE FROM vote v USING jsonb_to_recordset($1::jsonb) AS x(translation_id uuid, voter_id uuid)
      WHERE v.translation_id = x.translation_id AND v.voter_id = x.voter_id`,
  },
  {
    rows: 'units',
    sql: `UPDATE translation_unit tu
        SET current_round_id = x.current_round_id, locked = x.locked,
            winner_translation_id = x.winner_translation_id, winner_round_id = x.winner_round_id,
            winner_source_hash = x.winner_source_hash, decided_at = x.decided_at, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, current_round_id uuid, locked boolean,
         winner_translation_id uuid, winner_round_id uuid, winner_source_hash text, decided_at timestamptz)
      WHERE tu.id = x.id`,
  },
  {
    // Keyed by (round, user, kind): replaying a close inserts nothing. Reputation is the sum of a
    // user's rows (voterProfile), so rounds sharing voters never queue on a per-user total.
    rows: 'ledger',
    sql: `INSERT INTO reputation_ledger (round_id, user_id, kind, project_id, locale, agree, disagree, accepted, rejected)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(round_id uuid, user_id uuid, kind text, project_id uuid,
       locale text, agree float8, disagree float8, accepted float8, rejected float8)
     ON CONFLICT (round_id, user_id, kind) DO NOTHING`,
  },
];

/**
 * Loads units' voting state from their rows and writes transitions' results back: the
 * persistence half of libs/voting's `(state, event, now) → {state, effects}`. Always called
 * inside a transaction that holds the units' row locks (taken by `lockAndLoad` / `lockDue`).
 * Reads and writes are set-based: one statement per table whether it is one unit or a batch.
 */
@Injectable()
export class UnitStateRepository {
  /** Finds or creates the unit of (string, locale); `lockAndLoad` then locks it. */
  async ensureUnit(
    manager: EntityManager,
    stringId: string,
    localeId: string,
    projectId: string,
  ): Promise<string> {
    await preparedQuery(
      manager,
      `INSERT INTO translation_unit (project_id, string_id, locale_id) VALUES ($1, $2, $3)
       ON CONFLICT (string_id, locale_id) DO NOTHING`,
      [projectId, stringId, localeId],
    );
    // A separate statement: its snapshot sees a row a concurrent insert committed meanwhile.
    const rows = await preparedQuery<{ id: string }>(
      manager,
      'SELECT id FROM translation_unit WHERE string_id = $1 AND locale_id = $2',
      [stringId, localeId],
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new Error(`translation_unit for ${stringId}/${localeId} vanished`);
    return id;
  }

  /** Locks one unit (waiting for it) and loads its state. */
  async lockAndLoad(manager: EntityManager, unitId: string): Promise<LoadedUnit> {
    const rows = await preparedQuery<UnitRow>(
      manager,
      `SELECT ${UNIT_COLUMNS} FROM ${UNIT_JOINS} WHERE tu.id = $1 FOR UPDATE OF tu`,
      [unitId],
    );
    const loaded = await this.loadStates(manager, rows);
    const one = loaded[0];
    if (one === undefined) throw new Error(`translation_unit ${unitId} not found`);
    return one;
  }

  /**
   * Locks `unitId` and up to `limit` other units whose round is due at `now` (deadline or re-open
   * cooldown passed) that no other transaction holds (SKIP LOCKED), and loads them all: a close
   * job takes its neighbours along, so due rounds close in set-based batches. With `waitForOwn`
   * false, `unitId` is skipped too when someone holds it (typically another batch closing it), so
   * the caller never waits behind a batch; the result then lacks that unit.
   */
  async lockDue(
    manager: EntityManager,
    unitId: string,
    now: number,
    limit: number,
    waitForOwn = true,
  ): Promise<LoadedUnit[]> {
    // The own unit AND its round, before any claim: a claim locks rounds before units, so a job
    // holding only its unit could deadlock with a batch that claimed its round (each then writes
    // a round the other holds). With both taken first, a transaction that holds claimed rows
    // never waits, and one that waits holds nothing a claim needs.
    const skip = waitForOwn ? '' : ' SKIP LOCKED';
    let own = await preparedQuery<UnitRow>(
      manager,
      `SELECT ${UNIT_COLUMNS} FROM ${UNIT_JOINS} JOIN round r ON r.id = tu.current_round_id
        WHERE tu.id = $1 FOR UPDATE OF tu, r${skip}`,
      [unitId],
    );
    if (own.length === 0 && waitForOwn) {
      // A unit without a round yet (nothing to claim it by): its row alone.
      own = await preparedQuery<UnitRow>(
        manager,
        `SELECT ${UNIT_COLUMNS} FROM ${UNIT_JOINS} WHERE tu.id = $1 FOR UPDATE OF tu`,
        [unitId],
      );
    }
    const others: UnitRow[] = [];
    for (const claim of DUE_CLAIMS) {
      const room = limit - others.length;
      if (room <= 0) break;
      others.push(...(await preparedQuery<UnitRow>(manager, claim, [unitId, new Date(now), room])));
    }
    return this.loadStates(manager, [...own, ...others]);
  }

  private async loadStates(
    manager: EntityManager,
    rows: readonly UnitRow[],
  ): Promise<LoadedUnit[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const states =
      ids.length === 1
        ? await preparedQuery<StateRow>(manager, STATE_OF_ONE, ids)
        : await preparedQuery<StateRow>(manager, STATE_OF_MANY, [ids]);
    const byUnit = new Map(states.map((s) => [s.unit_id, s]));
    return rows.map((row) => toLoaded(row, byUnit.get(row.id)));
  }

  /**
   * What the weight function and the rate limits need to know about a user, in this unit's locale.
   * The rate limits only ask whether a window holds `max` entries, so at most `max` are read.
   */
  async voterProfile(
    manager: EntityManager,
    userId: string,
    localeCode: string,
    now: number,
    params: Pick<VotingParams, 'maxVotesPerHour' | 'maxCandidatesPerHour'>,
  ): Promise<{
    profile: VoterProfile;
    recentVotes: number[];
    recentSubmissions: number[];
  }> {
    const hourAgo = new Date(now - 3_600_000);
    // One round trip: this runs inside the unit's transaction on every vote and submission.
    const rows = await preparedQuery<{
      created_at: Date;
      banned_at: Date | null;
      agree: number | null;
      disagree: number | null;
      recent_votes: Date[];
      recent_submissions: Date[];
      partners: string[];
    }>(
      manager,
      `SELECT u.created_at, u.banned_at, r.agree, r.disagree,
              ARRAY(SELECT v.cast_at FROM vote v WHERE v.voter_id = u.id AND v.cast_at > $3
                     ORDER BY v.cast_at DESC LIMIT $4) AS recent_votes,
              ARRAY(SELECT t.created_at FROM translation t
                     WHERE t.author_id = u.id AND t.origin = 'community' AND t.created_at > $3
                     ORDER BY t.created_at DESC LIMIT $5) AS recent_submissions,
              ARRAY(SELECT CASE WHEN c.user_a = u.id THEN c.user_b ELSE c.user_a END FROM collusion_pair c
                     WHERE (c.user_a = u.id OR c.user_b = u.id) AND c.cleared_at IS NULL) AS partners
         FROM "user" u
         LEFT JOIN LATERAL (
           SELECT sum(l.agree) AS agree, sum(l.disagree) AS disagree FROM reputation_ledger l
            WHERE l.user_id = u.id AND l.locale = $2 AND l.kind = 'voter') r ON true
        WHERE u.id = $1`,
      [userId, localeCode, hourAgo, params.maxVotesPerHour, params.maxCandidatesPerHour],
    );
    const user = rows[0];
    if (user === undefined) throw new Error(`user ${userId} not found`);
    return {
      profile: {
        userId,
        accountCreatedAt: user.created_at.getTime(),
        banned: user.banned_at !== null,
        agree: user.agree ?? 0,
        disagree: user.disagree ?? 0,
        collusionPartners: user.partners,
      },
      recentVotes: user.recent_votes.map((d) => new Date(d).getTime()),
      recentSubmissions: user.recent_submissions.map((d) => new Date(d).getTime()),
    };
  }

  /**
   * Writes each change's `after` (and the final rows and ledger of its effects) over what was
   * loaded. Only what changed is written, one statement per table for the whole batch; every
   * statement is idempotent, so replaying a transition is harmless.
   */
  async saveMany(manager: EntityManager, changes: readonly UnitChange[]): Promise<void> {
    const rows = new ChangeRows();
    for (const change of changes) rows.add(change);
    for (const write of WRITES) {
      const batch = rows[write.rows];
      if (batch.length > 0) await preparedQuery(manager, write.sql, [JSON.stringify(batch)]);
    }
  }
}
