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
}

/** Extra columns of a candidate inserted by this transition. */
export interface NewCandidateRow {
  readonly id: string;
  readonly findings: readonly StoredFinding[];
  readonly origin: TranslationOrigin;
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
  winner_translation_id: string | null;
  winner_round_id: string | null;
  winner_source_hash: string | null;
  decided_at: Date | null;
}

interface RoundRow {
  id: string;
  number: number;
  source_hash: string;
  state: RoundState;
  params: Record<string, number>;
  opened_at: Date;
  collecting_since: Date | null;
  deadline: Date | null;
  extensions_used: number;
  closed_at: Date | null;
  winner_id: string | null;
  reasons: string[];
  decided_early: boolean;
  approved_candidate_id: string | null;
  rejected_candidate_ids: string[];
  dirty: boolean;
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
const date = (t: number | null): Date | null => (t === null ? null : new Date(t));

/** Runs queries one after another (a transaction has one connection) with Promise.all's typing. */
async function sequence<T extends readonly unknown[]>(queries: {
  [K in keyof T]: () => Promise<T[K]>;
}): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries as readonly (() => Promise<unknown>)[]) results.push(await query());
  return results as unknown as T;
}

/** The project's voting parameters (catalogue/voting-settings.ts is the one definition). */
export function projectParams(settings: { voting?: Record<string, unknown> } | null): VotingParams {
  return votingParamsOf(settings);
}

function toRound(row: RoundRow): Round {
  const final = row.state === 'DECIDED' || row.state === 'UNDECIDED';
  return {
    id: row.id,
    unitId: '',
    number: row.number,
    sourceHash: row.source_hash,
    state: row.state,
    params: { ...DEFAULT_PARAMS, ...row.params },
    openedAt: row.opened_at.getTime(),
    collectingSince: ms(row.collecting_since),
    deadline: ms(row.deadline),
    extensionsUsed: row.extensions_used,
    closedAt: ms(row.closed_at),
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

/**
 * Loads a unit's voting state from its rows and writes a transition's result back: the
 * persistence half of libs/voting's `(state, event, now) → {state, effects}`. Always called
 * inside a transaction that holds the unit row's lock (`lockUnit`).
 */
@Injectable()
export class UnitStateRepository {
  /** Finds or creates the unit of (string, locale) and locks it for this transaction. */
  async lockUnitFor(
    manager: EntityManager,
    stringId: string,
    localeId: string,
    projectId: string,
  ): Promise<string> {
    await manager.query(
      `INSERT INTO translation_unit (project_id, string_id, locale_id) VALUES ($1, $2, $3)
       ON CONFLICT (string_id, locale_id) DO NOTHING`,
      [projectId, stringId, localeId],
    );
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM translation_unit WHERE string_id = $1 AND locale_id = $2 FOR UPDATE',
      [stringId, localeId],
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new Error(`translation_unit for ${stringId}/${localeId} vanished`);
    return id;
  }

  async load(manager: EntityManager, unitId: string): Promise<LoadedUnit> {
    const units: UnitRow[] = await manager.query(
      `SELECT tu.id, tu.project_id, p.slug, p.visibility, p.settings, p.source_locale, tu.string_id, tu.locale_id,
              l.code, s.source_hash, s.removed_at, tu.locked, tu.is_gold, tu.winner_translation_id,
              tu.winner_round_id, tu.winner_source_hash, tu.decided_at
         FROM translation_unit tu
         JOIN source_string s ON s.id = tu.string_id
         JOIN locale l ON l.id = tu.locale_id
         JOIN project p ON p.id = tu.project_id
        WHERE tu.id = $1
          FOR UPDATE OF tu`,
      [unitId],
    );
    const row = units[0];
    if (row === undefined) throw new Error(`translation_unit ${unitId} not found`);
    const params = projectParams(row.settings);
    const unit = {
      id: row.id,
      sourceHash: row.source_hash,
      isGold: row.is_gold,
      locked: row.locked,
    };
    const context: UnitContext = {
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

    // One connection per transaction: the queries run one after another.
    const [rounds, candidates, votes] = await sequence([
      () =>
        manager.query<RoundRow[]>(
          'SELECT * FROM round WHERE unit_id = $1 ORDER BY number DESC LIMIT 1',
          [unitId],
        ),
      () =>
        manager.query<
          {
            id: string;
            source_hash: string;
            author_id: string;
            origin: string;
            forms: Record<string, string>;
            created_at: Date;
            status: CandidateStatus;
            blocking_errors: string[];
            banned: boolean;
          }[]
        >(
          `SELECT t.id, t.source_hash, t.author_id, t.origin, t.forms, t.created_at, t.status, t.blocking_errors,
                  a.banned_at IS NOT NULL AS banned
             FROM translation t JOIN "user" a ON a.id = t.author_id WHERE t.unit_id = $1`,
          [unitId],
        ),
      () =>
        manager.query<
          {
            voter_id: string;
            translation_id: string;
            value: number;
            cast_at: Date;
            weight: number;
            evaluated_in_round: string | null;
            banned: boolean;
          }[]
        >(
          `SELECT v.voter_id, v.translation_id, v.value, v.cast_at, v.weight, v.evaluated_in_round,
                  u.banned_at IS NOT NULL AS banned
             FROM vote v JOIN "user" u ON u.id = v.voter_id WHERE v.unit_id = $1`,
          [unitId],
        ),
    ]);
    const banned = [
      ...new Set([
        ...candidates.filter((c) => c.banned).map((c) => c.author_id),
        ...votes.filter((v) => v.banned).map((v) => v.voter_id),
      ]),
    ];

    const roundRow = rounds[0];
    if (roundRow === undefined) return { context, state: null, params, unit };
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
      round: { ...toRound(roundRow), unitId },
      candidates: candidates.map((c): Candidate => ({
        id: c.id,
        unitId,
        sourceHash: c.source_hash,
        // An imported text is the app's, not the importer's: it neither blocks the importer's own
        // candidate nor makes their vote on it a self-vote, and earns them no reputation.
        authorId: c.origin === 'community' ? c.author_id : `${c.origin}:${c.id}`,
        forms: c.forms,
        createdAt: c.created_at.getTime(),
        status: c.status,
        blockingErrors: c.blocking_errors,
      })),
      votes: votes.map((v): Vote => ({
        voterId: v.voter_id,
        candidateId: v.translation_id,
        value: v.value as VoteValue,
        castAt: v.cast_at.getTime(),
        weight: v.weight,
        evaluatedInRound: v.evaluated_in_round,
      })),
      bannedUserIds: banned,
      publishedWinner,
    };
    return { context, state, params, unit };
  }

  /** What the weight function and the rate limits need to know about a user, in this unit's locale. */
  async voterProfile(
    manager: EntityManager,
    userId: string,
    localeCode: string,
    now: number,
  ): Promise<{
    profile: VoterProfile;
    recentVotes: number[];
    recentSubmissions: number[];
  }> {
    const hourAgo = new Date(now - 3_600_000);
    // One round trip: this runs inside the unit's transaction on every vote and submission.
    const rows = await manager.query<
      {
        created_at: Date;
        banned_at: Date | null;
        agree: number | null;
        disagree: number | null;
        recent_votes: Date[];
        recent_submissions: Date[];
        partners: string[];
      }[]
    >(
      `SELECT u.created_at, u.banned_at, r.agree, r.disagree,
              ARRAY(SELECT v.cast_at FROM vote v WHERE v.voter_id = u.id AND v.cast_at > $3) AS recent_votes,
              ARRAY(SELECT t.created_at FROM translation t
                     WHERE t.author_id = u.id AND t.origin = 'community' AND t.created_at > $3) AS recent_submissions,
              ARRAY(SELECT CASE WHEN c.user_a = u.id THEN c.user_b ELSE c.user_a END FROM collusion_pair c
                     WHERE (c.user_a = u.id OR c.user_b = u.id) AND c.cleared_at IS NULL) AS partners
         FROM "user" u
         LEFT JOIN LATERAL (
           SELECT sum(l.agree) AS agree, sum(l.disagree) AS disagree FROM reputation_ledger l
            WHERE l.user_id = u.id AND l.locale = $2 AND l.kind = 'voter') r ON true
        WHERE u.id = $1`,
      [userId, localeCode, hourAgo],
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
   * Writes `after` (and the final rows and ledger of the effects) over `before`. Only what
   * changed is written; every statement is idempotent, so replaying a transition is harmless.
   */
  async save(
    manager: EntityManager,
    context: UnitContext,
    before: UnitVotingState | null,
    after: UnitVotingState,
    effects: readonly Effect[],
    newCandidates: ReadonlyMap<string, NewCandidateRow>,
  ): Promise<void> {
    const rounds = new Map<string, { round: Round; decision: unknown }>();
    for (const effect of effects) {
      if (effect.type === 'publishDecision')
        rounds.set(effect.round.id, { round: effect.round, decision: effect.explanation });
    }
    const current = rounds.get(after.round.id);
    rounds.set(after.round.id, { round: after.round, decision: current?.decision ?? null });
    for (const { round, decision } of rounds.values())
      await this.upsertRound(manager, context.unitId, round, decision);

    const previous = new Map((before?.candidates ?? []).map((c) => [c.id, c]));
    for (const candidate of after.candidates) {
      const old = previous.get(candidate.id);
      if (old === undefined) {
        const extra = newCandidates.get(candidate.id);
        await manager.query(
          `INSERT INTO translation (id, unit_id, author_id, source_hash, forms, dedupe_key, status, origin, findings, blocking_errors, created_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb, $10::text[], $11)`,
          [
            candidate.id,
            context.unitId,
            candidate.authorId,
            candidate.sourceHash,
            JSON.stringify(candidate.forms),
            dedupeKey(candidate.forms),
            candidate.status,
            extra?.origin ?? 'community',
            JSON.stringify(extra?.findings ?? []),
            candidate.blockingErrors,
            new Date(candidate.createdAt),
          ],
        );
      } else if (old.status !== candidate.status) {
        await manager.query(
          'UPDATE translation SET status = $2, updated_at = now() WHERE id = $1',
          [candidate.id, candidate.status],
        );
      }
    }

    const key = (v: Vote) => `${v.candidateId}/${v.voterId}`;
    const oldVotes = new Map((before?.votes ?? []).map((v) => [key(v), v]));
    const newVotes = new Map(after.votes.map((v) => [key(v), v]));
    for (const [k, vote] of newVotes) {
      const old = oldVotes.get(k);
      if (
        old === undefined ||
        old.value !== vote.value ||
        old.weight !== vote.weight ||
        old.castAt !== vote.castAt ||
        old.evaluatedInRound !== vote.evaluatedInRound
      ) {
        await manager.query(
          `INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at, evaluated_in_round)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (translation_id, voter_id) DO UPDATE
             SET value = EXCLUDED.value, weight = EXCLUDED.weight, cast_at = EXCLUDED.cast_at,
                 evaluated_in_round = EXCLUDED.evaluated_in_round`,
          [
            vote.candidateId,
            context.unitId,
            vote.voterId,
            vote.value,
            vote.weight,
            new Date(vote.castAt),
            vote.evaluatedInRound,
          ],
        );
      }
    }
    for (const [k, vote] of oldVotes) {
      if (!newVotes.has(k)) {
        await manager.query('DELETE FROM vote WHERE translation_id = $1 AND voter_id = $2', [
          vote.candidateId,
          vote.voterId,
        ]);
      }
    }

    const winner = after.publishedWinner;
    await manager.query(
      `UPDATE translation_unit
          SET current_round_id = $2, locked = $3, winner_translation_id = $4, winner_round_id = $5,
              winner_source_hash = $6, decided_at = $7, updated_at = now()
        WHERE id = $1`,
      [
        context.unitId,
        after.round.id,
        after.unit.locked,
        winner?.candidateId ?? null,
        winner?.roundId ?? null,
        winner?.sourceHash ?? null,
        date(winner?.decidedAt ?? null),
      ],
    );

    for (const effect of effects) {
      if (effect.type === 'applyReputation')
        await this.applyReputation(manager, context, effect.entries);
    }
  }

  private async upsertRound(
    manager: EntityManager,
    unitId: string,
    round: Round,
    decision: unknown,
  ): Promise<void> {
    const outcome = round.outcome;
    const state = round.state;
    await manager.query(
      `INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, collecting_since, deadline,
                          extensions_used, closed_at, winner_id, reasons, decided_early, approved_candidate_id,
                          rejected_candidate_ids, dirty, decision)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13::text[], $14, $15, $16::uuid[], $17, $18::jsonb)
       ON CONFLICT (id) DO UPDATE SET
         state = EXCLUDED.state, collecting_since = EXCLUDED.collecting_since, deadline = EXCLUDED.deadline,
         extensions_used = EXCLUDED.extensions_used, closed_at = EXCLUDED.closed_at, winner_id = EXCLUDED.winner_id,
         reasons = EXCLUDED.reasons, decided_early = EXCLUDED.decided_early,
         approved_candidate_id = EXCLUDED.approved_candidate_id, rejected_candidate_ids = EXCLUDED.rejected_candidate_ids,
         dirty = EXCLUDED.dirty, decision = COALESCE(EXCLUDED.decision, round.decision)`,
      [
        round.id,
        unitId,
        round.number,
        round.sourceHash,
        state,
        JSON.stringify(round.params),
        new Date(round.openedAt),
        date(round.collectingSince),
        date(round.deadline),
        round.extensionsUsed,
        date(round.closedAt),
        state === 'DECIDED' ? (outcome?.winnerId ?? null) : null,
        outcome?.reasons ?? [],
        outcome?.early ?? false,
        round.approvedCandidateId,
        round.rejectedCandidateIds,
        round.dirty,
        decision === null ? null : JSON.stringify(decision),
      ],
    );
  }

  /**
   * Ledger rows are keyed by (round, user, kind): inserting one that exists is a no-op. A user's
   * reputation is the sum of their rows (read by voterProfile); there is no per-user total to
   * update, so rounds sharing voters never queue on one row (the W3 benchmark's lock contention).
   */
  private async applyReputation(
    manager: EntityManager,
    context: UnitContext,
    entries: readonly (Effect & { type: 'applyReputation' })['entries'][number][],
  ): Promise<void> {
    for (const entry of entries) {
      if (!UUID.test(entry.userId)) continue; // an imported text's pseudo-author
      const values =
        entry.kind === 'voter'
          ? { agree: entry.agree, disagree: entry.disagree, accepted: 0, rejected: 0 }
          : { agree: 0, disagree: 0, accepted: entry.accepted, rejected: entry.rejected };
      await manager.query(
        `INSERT INTO reputation_ledger (round_id, user_id, kind, project_id, locale, agree, disagree, accepted, rejected)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (round_id, user_id, kind) DO NOTHING`,
        [
          entry.roundId,
          entry.userId,
          entry.kind,
          context.projectId,
          context.localeCode,
          values.agree,
          values.disagree,
          values.accepted,
          values.rejected,
        ],
      );
    }
  }
}
