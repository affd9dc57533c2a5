// The set-based statements that write a batch of unit transitions (ChangeRows), one per table.
import type { ChangeRows } from './unit-state.writes';

/**
 * Times travel as epoch ms (JSON numbers) and become timestamptz in SQL, truncated to the ms as
 * toISOString did: no date string is built or parsed per row.
 */
const at = (column: string): string =>
  `timestamptz 'epoch' + trunc(x.${column}) * interval '1 millisecond'`;

/** The columns a round's later writes change (`from`: EXCLUDED, or the update's recordset). */
const ROUND_SET = (from: string): string => `
  state = ${from}.state, collecting_since = ${from}.collecting_since, deadline = ${from}.deadline,
  extensions_used = ${from}.extensions_used, closed_at = ${from}.closed_at, winner_id = ${from}.winner_id,
  reasons = ${from}.reasons, decided_early = ${from}.decided_early,
  approved_candidate_id = ${from}.approved_candidate_id, rejected_candidate_ids = ${from}.rejected_candidate_ids,
  dirty = ${from}.dirty, decision = COALESCE(${from}.decision, round.decision)`;

/**
 * One set-based write. Its rows travel as one JSON array parameter ($1): one round trip per table.
 * A statement that joins its rows to a table by `key` also gets the keys as a uuid array ($2) and
 * looks them up with `= ANY($2)`. The planner takes any recordset for 100 rows: against a table of
 * a few thousand rows (a project's units, rounds or candidates) the join alone chose a hash join
 * over a sequential scan of the whole table, for a submit's one unit 0.2–1.2 ms at 2–6k units and
 * more as the table grows; the key array is an index lookup whatever the table's size.
 */
export interface Write {
  readonly rows: keyof Omit<ChangeRows, 'add'>;
  readonly sql: string;
  readonly key?: 'id' | 'translation_id';
}

/** $2 of a keyed write: the join keys of its rows. */
export function keysOf(write: Write, batch: readonly object[]): string[] | null {
  const key = write.key;
  if (key === undefined) return null;
  return batch.map((row) => String((row as Readonly<Record<string, unknown>>)[key]));
}

export const WRITES: readonly Write[] = [
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
    key: 'id',
    sql: `UPDATE round SET ${ROUND_SET('x')}
       FROM (SELECT x.id, x.state, ${at('collecting_since')} AS collecting_since, ${at('deadline')} AS deadline,
                    x.extensions_used, ${at('closed_at')} AS closed_at, x.winner_id, x.reasons, x.decided_early,
                    x.approved_candidate_id, x.rejected_candidate_ids, x.dirty, x.decision
               FROM json_to_recordset($1::json) AS x(id uuid, state text, collecting_since float8,
                 deadline float8, extensions_used int, closed_at float8, winner_id uuid, reasons text[],
                 decided_early boolean, approved_candidate_id uuid, rejected_candidate_ids uuid[],
                 dirty boolean, decision jsonb)) AS x
      WHERE round.id = x.id AND round.id = ANY($2::uuid[])`,
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
    key: 'id',
    sql: `UPDATE translation t SET status = x.status, updated_at = now()
       FROM json_to_recordset($1::json) AS x(id uuid, status text)
      WHERE t.id = x.id AND t.id = ANY($2::uuid[])`,
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
    key: 'translation_id',
    // A retracted vote takes its evaluation along (trigger vote_evaluation_follows_vote): cast
    // again, it is a new vote (C3).
    sql: `DELETE FROM vote v USING json_to_recordset($1::json) AS x(translation_id uuid, voter_id uuid)
      WHERE v.translation_id = x.translation_id AND v.voter_id = x.voter_id
        AND v.translation_id = ANY($2::uuid[])`,
  },
  {
    rows: 'units',
    key: 'id',
    sql: `UPDATE translation_unit tu
        SET current_round_id = x.current_round_id, locked = x.locked,
            winner_translation_id = x.winner_translation_id, winner_round_id = x.winner_round_id,
            winner_source_hash = x.winner_source_hash, decided_at = ${at('decided_at')}, updated_at = now()
       FROM json_to_recordset($1::json) AS x(id uuid, current_round_id uuid, locked boolean,
         winner_translation_id uuid, winner_round_id uuid, winner_source_hash text, decided_at float8)
      WHERE tu.id = x.id AND tu.id = ANY($2::uuid[])`,
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
