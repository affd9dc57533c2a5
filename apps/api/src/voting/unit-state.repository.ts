import type { VoterProfile, VotingParams } from '@chorus/voting';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { votingParamsOf } from '../catalogue/voting-settings';
import { preparedQuery } from '../database/prepared-query';
import {
  type LoadedUnit,
  type StateRow,
  type UnitRow,
  STATE_OF_MANY,
  STATE_OF_ONE,
  UNIT_COLUMNS,
  UNIT_JOINS,
  toLoaded,
} from './unit-state.load';
import { ChangeRows, type UnitChange } from './unit-state.writes';
import { WRITES, keysOf } from './unit-state.write-statements';
import { voterReputationSql } from './voter-reputation.sql';

export type { LoadedUnit, UnitContext } from './unit-state.load';
export type { NewCandidateRow, UnitChange } from './unit-state.writes';

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

/** The project's voting parameters (catalogue/voting-settings.ts is the one definition). */
export function projectParams(settings: { voting?: Record<string, unknown> } | null): VotingParams {
  return votingParamsOf(settings);
}

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
         CROSS JOIN LATERAL (${voterReputationSql('u.id', '$2')}) r
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
      if (batch.length === 0) continue;
      const keys = keysOf(write, batch);
      await preparedQuery(
        manager,
        write.sql,
        keys === null ? [JSON.stringify(batch)] : [JSON.stringify(batch), keys],
      );
    }
  }
}
