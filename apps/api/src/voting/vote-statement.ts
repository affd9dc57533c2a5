import { RATE_WINDOW_MS } from '@chorus/voting';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { PlannedPool } from '../database/planned-pool';
import { PERMISSIONS, type MembershipGrant, type Permission } from '../identity/permissions';
import { GroupCommit } from '../database/group-commit';
import { LIVE_EVENTS, type LiveEvent, type LiveEvents } from './live-events';
import { RoundSchedulerProducer } from './round-scheduler.producer';
import { VOTE_BATCHES_IN_FLIGHT, VOTE_EXTRA_SLOT_AFTER_MS, VotePool } from './vote-pool';
import { voterReputationSql } from './voter-reputation.sql';

/** What a vote written by the one statement tells the caller (nothing is reloaded after it). */
export interface StatementVote {
  readonly unitId: string;
  readonly stringId: string;
  readonly projectId: string;
  readonly localeCode: string;
  readonly projectVisibility: 'public' | 'private';
  readonly sourceHash: string;
  readonly roundId: string;
  /** The round's z, for the tallies of the answer. */
  readonly z: number;
  /** The round may decide early now (past minDuration): the caller schedules a tick for it. */
  readonly mature: boolean;
  /** false when the same vote was already stored (an idempotent repeat). */
  readonly written: boolean;
  readonly memberships: readonly MembershipGrant[];
}

interface Row {
  ord: number;
  unit_id: string;
  string_id: string;
  project_id: string;
  locale: string;
  visibility: 'public' | 'private';
  source_hash: string;
  round_id: string;
  z: number;
  mature: boolean;
  written: boolean;
  memberships: MembershipGrant[];
}

/**
 * C2's vote weight (libs/voting `explainWeightAtCast`) over the voter's rows, for voter `$2` on
 * the candidate `x` at `nowMs` (a parameter, epoch ms): wMin for a young account or a flagged collusion pair with
 * a community author, else wMin + (1 − wMin)·(agree + α)/(agree + disagree + α + β), with the same
 * operand order as the lib so the floats match bit for bit. Banned voters never reach it (they fall
 * back to the full path). vote-statement.int-spec.ts checks it against the lib on random profiles:
 * a change to the lib's rule fails that test until this expression follows.
 */
export const weightSql = (nowMs: string): string => `CASE
  WHEN ${nowMs}::float8 - floor(extract(epoch FROM u.created_at) * 1000) < (x.params->>'minAccountAge')::float8
    THEN (x.params->>'wMin')::float8
  WHEN x.origin = 'community' AND EXISTS (
      SELECT 1 FROM collusion_pair c WHERE c.cleared_at IS NULL
         AND ((c.user_a = u.id AND c.user_b = x.author_id) OR (c.user_b = u.id AND c.user_a = x.author_id)))
    THEN (x.params->>'wMin')::float8
  ELSE (x.params->>'wMin')::float8 + (1 - (x.params->>'wMin')::float8)
    * ((rep.agree + (x.params->>'alpha')::float8)
       / (rep.agree + rep.disagree + (x.params->>'alpha')::float8 + (x.params->>'beta')::float8))
END`;

/** The voter's reputation in the unit's locale, as voterProfile reads it. */
const REPUTATION_SQL = `LATERAL (${voterReputationSql('u.id', 'x.locale')}) rep`;

/**
 * Votes as one guarded write (issue 15): in one autocommit statement, for each of up to
 * VOTE_BATCH_MAX votes (group commit: concurrent requests share the statement, see
 * vote-group-commit.ts), it checks everything libs/voting's `castVote` checks on a COLLECTING round
 * before its deadline — unit unlocked, string not retired, the round current for the source text,
 * candidate eligible (active, current source, no blocking error, author not banned), not the voter's
 * own, the voter not banned (server-wide or from the project, moderation's project_ban), allowed by
 * the permission table and under the rate limit (a count capped at the limit) — computes the weight,
 * and upserts the vote with its audit row. A vote that fails any check, or whose round is in any
 * other state, returns no row: the caller then runs the full path for it, which decides the case
 * (and its error) under the unit's lock as before. A batch holds each voter at most once, so a
 * voter's rate-limit count and upsert see exactly what they would see alone.
 *
 * Ordering against a close: the statement takes FOR KEY SHARE on the unit rows. Votes do not block
 * each other, but a closer holding a unit FOR UPDATE (lockAndLoad, lockDue and the due claims do)
 * makes the vote wait, and a close that starts while a vote holds the row waits for the vote and
 * then reads it. A row condition in this statement would still read the statement's snapshot,
 * from before the wait, so the round's state is checked again after the lock, by
 * chorus_vote_target_open (migration VoteTargetOpen), a VOLATILE function whose query takes a
 * fresh snapshot: a vote either lands before the close's read (and is counted) or sees the round
 * closed and falls back to the full path. (Locking the round row FOR KEY SHARE as well would not
 * help: a round update takes FOR NO KEY UPDATE, which does not conflict with it.)
 */
const CAST_SQL = `
WITH x AS (
  SELECT i.ord, i.voter_id, i.value, i.at, i.at_ms,
         t.id AS candidate_id, t.unit_id, t.origin, t.author_id, tu.string_id, tu.project_id,
         l.code AS locale, p.visibility, s.source_hash, r.id AS round_id, r.params, r.collecting_since,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('role', m.role, 'locale', m.locale))
                     FROM membership m WHERE m.project_id = tu.project_id AND m.user_id = i.voter_id), '[]') AS memberships
    FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[], $8::float8[])
           WITH ORDINALITY AS i(candidate_id, voter_id, value, at, at_ms, ord)
    JOIN translation t ON t.id = i.candidate_id
    JOIN translation_unit tu ON tu.id = t.unit_id
    JOIN round r ON r.id = tu.current_round_id
    JOIN source_string s ON s.id = tu.string_id
    JOIN locale l ON l.id = tu.locale_id
    JOIN project p ON p.id = tu.project_id
    JOIN "user" a ON a.id = t.author_id
   WHERE NOT tu.locked AND s.removed_at IS NULL
     AND r.state = 'COLLECTING' AND r.deadline > i.at AND r.source_hash = s.source_hash
     AND r.params ?& ARRAY['wMin', 'alpha', 'beta', 'minAccountAge', 'maxVotesPerHour', 'minDuration', 'z']
     AND t.status = 'active' AND t.source_hash = s.source_hash AND cardinality(t.blocking_errors) = 0
     AND (t.origin <> 'community' OR (a.banned_at IS NULL AND t.author_id <> i.voter_id))
     AND NOT EXISTS (SELECT 1 FROM project_ban b
                      WHERE b.project_id = tu.project_id AND b.user_id = i.voter_id AND b.lifted_at IS NULL
                        AND (b.expires_at IS NULL OR b.expires_at > i.at))
     AND (($5 AND (p.visibility = 'public'
                   OR EXISTS (SELECT 1 FROM membership m WHERE m.project_id = tu.project_id AND m.user_id = i.voter_id)))
          OR EXISTS (SELECT 1 FROM membership m
                      WHERE m.project_id = tu.project_id AND m.user_id = i.voter_id AND m.role::text = ANY($6::text[])
                        AND (m.role <> 'language_manager' OR NOT $7 OR m.locale = l.code)))
   FOR KEY SHARE OF tu
), w AS (
  SELECT x.ord, ${weightSql('x.at_ms')} AS weight
    FROM x JOIN "user" u ON u.id = x.voter_id CROSS JOIN ${REPUTATION_SQL}
   WHERE u.banned_at IS NULL AND chorus_vote_target_open(x.round_id, x.candidate_id, x.at)
     AND (SELECT count(*) FROM (
            SELECT 1 FROM vote v
             WHERE v.voter_id = u.id AND v.cast_at > x.at - make_interval(secs => $9::float8 / 1000) AND v.cast_at <= x.at
             LIMIT (x.params->>'maxVotesPerHour')::int) recent) < (x.params->>'maxVotesPerHour')::int
), ins AS (
  INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at)
  SELECT x.candidate_id, x.unit_id, x.voter_id, x.value, w.weight, x.at FROM x JOIN w USING (ord)
  ON CONFLICT (translation_id, voter_id) DO UPDATE
     SET value = EXCLUDED.value, weight = EXCLUDED.weight, cast_at = EXCLUDED.cast_at
   WHERE vote.value <> EXCLUDED.value
  RETURNING voter_id
), audit AS (
  INSERT INTO event (actor_id, project_id, type, payload)
  SELECT x.voter_id, x.project_id, 'vote.cast', jsonb_build_object('candidateId', x.candidate_id::text)
    FROM x JOIN w USING (ord)
)
SELECT x.ord::int, x.unit_id, x.string_id, x.project_id, x.locale, x.visibility, x.source_hash, x.round_id,
       (x.params->>'z')::float8 AS z, x.memberships,
       x.at_ms >= floor(extract(epoch FROM x.collecting_since) * 1000) + (x.params->>'minDuration')::float8 AS mature,
       EXISTS (SELECT 1 FROM ins WHERE ins.voter_id = x.voter_id) AS written
  FROM x JOIN w USING (ord)`;

const VOTE_CAST: Permission = PERMISSIONS['vote.cast'];

/** One vote for the statement. */
export interface VoteInput {
  readonly voterId: string;
  readonly candidateId: string;
  readonly value: 1 | -1;
  /** The request's clock, epoch ms. */
  readonly now: number;
}

/**
 * Runs the guarded statement for `votes` (each voter at most once: the caller's group commit
 * ensures it) and answers, per vote in order, what it wrote, or `null` where it decided nothing:
 * the round is not COLLECTING (first vote, decided, undecided), a check failed, or the voter is
 * new to the permission table's rules.
 */
export async function castInOneStatement(
  pool: PlannedPool,
  votes: readonly VoteInput[],
): Promise<(StatementVote | null)[]> {
  if (new Set(votes.map((v) => v.voterId)).size !== votes.length)
    throw new Error('castInOneStatement: a batch holds each voter at most once');
  const rows = await pool.query<Row>(CAST_SQL, [
    votes.map((v) => v.candidateId),
    votes.map((v) => v.voterId),
    votes.map((v) => v.value),
    votes.map((v) => new Date(v.now)),
    VOTE_CAST.contributors,
    VOTE_CAST.roles,
    VOTE_CAST.localeScoped,
    votes.map((v) => v.now),
    RATE_WINDOW_MS,
  ]);
  const answers: (StatementVote | null)[] = votes.map(() => null);
  for (const row of rows) {
    answers[row.ord - 1] = {
      unitId: row.unit_id,
      stringId: row.string_id,
      projectId: row.project_id,
      localeCode: row.locale,
      projectVisibility: row.visibility,
      sourceHash: row.source_hash,
      roundId: row.round_id,
      z: row.z,
      mature: row.mature,
      written: row.written,
      memberships: row.memberships,
    };
  }
  return answers;
}

/** The weight expression alone, for the equivalence test against libs/voting. */
export const WEIGHT_PROBE_SQL = `
SELECT ${weightSql('$6')} AS weight
  FROM (SELECT $1::jsonb AS params, $2::uuid AS author_id, $3::text AS origin, $4::text AS locale) x
  JOIN "user" u ON u.id = $5 CROSS JOIN ${REPUTATION_SQL}`;

/** Most votes in one statement: a batch's rows and audit rows stay a few kilobytes. */
export const VOTE_BATCH_MAX = 64;

/** How long a graceful shutdown waits for the live messages and tick jobs of answered votes. */
const SHUTDOWN_SETTLE_MS = 5_000;

/**
 * The one-statement vote, group-committed (concurrent votes share a statement, see GroupCommit),
 * and what follows its commit: one live message with the batch's `stringUpdated` events, and in a
 * round past minDuration one debounced tick job, which runs libs/voting's early-decision check
 * under the unit's lock (the request no longer evaluates the round). Voters are answered at the
 * commit and these follow (two Redis calls off the answer's path); failures after commit are
 * logged, the vote stands. A process that dies between the two loses at
 * most a live message (clients refetch on reconnect) and an early tick (the round still closes at
 * its deadline), as it could before; a graceful shutdown waits up to 5 s for them.
 */
@Injectable()
export class VoteStatement implements OnModuleDestroy {
  private readonly logger = new Logger('Voting');
  private readonly group = new GroupCommit<VoteInput, StatementVote | null>(
    (votes) => castInOneStatement(this.pool, votes),
    {
      maxBatch: VOTE_BATCH_MAX,
      maxInFlight: VOTE_BATCHES_IN_FLIGHT,
      extraSlotAfterMs: VOTE_EXTRA_SLOT_AFTER_MS,
      key: (vote) => vote.voterId,
    },
    (votes, casts) => this.afterCommit(votes, casts),
  );

  constructor(
    private readonly pool: VotePool,
    private readonly scheduler: RoundSchedulerProducer,
    @Inject(LIVE_EVENTS) private readonly live: LiveEvents,
  ) {}

  cast(vote: VoteInput): Promise<StatementVote | null> {
    return this.group.submit(vote);
  }

  /** Resolves once the live messages and tick jobs of the votes answered so far are sent. */
  async settled(): Promise<void> {
    await this.group.idle();
  }

  /** A graceful shutdown sends what follows the votes already answered, waiting a bounded time. */
  async onModuleDestroy(): Promise<void> {
    if (!(await this.group.idle(SHUTDOWN_SETTLE_MS)))
      this.logger.warn(`after-commit steps still running after ${SHUTDOWN_SETTLE_MS} ms: not sent`);
  }

  /** Runs once the batch is answered and its slot free: no voter, no statement waits for Redis. */
  private async afterCommit(
    votes: readonly VoteInput[],
    casts: readonly (StatementVote | null)[],
  ): Promise<void> {
    const events: LiveEvent[] = [];
    const tasks: Promise<void>[] = [];
    casts.forEach((cast, i) => {
      if (cast === null) return;
      events.push({
        type: 'stringUpdated',
        projectId: cast.projectId,
        locale: cast.localeCode,
        stringId: cast.stringId,
      });
      const at = (votes[i] as VoteInput).now;
      if (cast.mature) tasks.push(this.scheduler.scheduleEarlyTick(cast.unitId, cast.roundId, at));
    });
    tasks.push(this.live.publishMany(events));
    for (const result of await Promise.allSettled(tasks)) {
      if (result.status === 'rejected')
        this.logger.error(`after-commit step failed: ${String(result.reason)}`);
    }
  }
}
