import type { DataSource } from 'typeorm';
import { projectParams } from '../../src/voting/unit-state.repository';

export interface BulkRounds {
  readonly projectId: string;
  readonly unitIds: readonly string[];
}

/**
 * `count` strings in one locale, each with one candidate by `authorId`, an upvote from every
 * voter (weight 0.55, a newcomer's) and a COLLECTING round whose deadline is `deadlineAt(i)`:
 * the state just before the close jobs run, written in bulk SQL.
 */
export async function seedCollectingRounds(
  db: DataSource,
  options: {
    readonly projectId: string;
    readonly localeId: string;
    readonly authorId: string;
    readonly voterIds: readonly string[];
    readonly count: number;
    readonly voting: Record<string, number>;
    readonly deadlineAt: (index: number) => Date;
  },
): Promise<BulkRounds> {
  const [ns] = await db.query<{ id: string }[]>(
    "INSERT INTO namespace (project_id, name) VALUES ($1, 'bulk') RETURNING id",
    [options.projectId],
  );
  const deadlines = Array.from({ length: options.count }, (_, i) => options.deadlineAt(i));
  const units = await db.query<{ unit_id: string }[]>(
    `WITH s AS (
       INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms, source_text, source_hash, position)
       SELECT $1, $2, 's:k' || i, 'k' || i, 'simple', jsonb_build_array('k' || i), jsonb_build_object('', 'text ' || i),
              'text ' || i, md5('text ' || i), i
         FROM generate_series(0, $4::int - 1) AS i
       RETURNING id, position, source_hash)
     , u AS (
       INSERT INTO translation_unit (project_id, string_id, locale_id)
       SELECT $1, s.id, $3 FROM s RETURNING id, string_id)
     SELECT u.id AS unit_id FROM u JOIN s ON s.id = u.string_id ORDER BY s.position`,
    [options.projectId, ns!.id, options.localeId, options.count],
  );
  const unitIds = units.map((u) => u.unit_id);
  const params = JSON.stringify(projectParams({ voting: options.voting }));
  await db.query(
    `WITH t AS (
       INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key)
       SELECT u.id, $2, s.source_hash, jsonb_build_object('', 'tekst ' || s.position), '[["","tekst ' || s.position || '"]]'
         FROM translation_unit u JOIN source_string s ON s.id = u.string_id WHERE u.id = ANY($1::uuid[])
       RETURNING id, unit_id)
     INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at)
     SELECT t.id, t.unit_id, v, 1, 0.55, now() FROM t CROSS JOIN unnest($3::uuid[]) AS v`,
    [unitIds, options.authorId, options.voterIds],
  );
  await db.query(
    `WITH r AS (
       INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, collecting_since, deadline)
       SELECT gen_random_uuid(), u.id, 1, s.source_hash, 'COLLECTING', $2::jsonb, now(), now(), d.deadline
         FROM unnest($1::uuid[], $3::timestamptz[]) AS d(unit_id, deadline)
         JOIN translation_unit u ON u.id = d.unit_id JOIN source_string s ON s.id = u.string_id
       RETURNING id, unit_id)
     UPDATE translation_unit u SET current_round_id = r.id FROM r WHERE r.unit_id = u.id`,
    [unitIds, params, deadlines],
  );
  return { projectId: options.projectId, unitIds };
}

export interface RoundCounts {
  readonly decided: number;
  readonly undecided: number;
  readonly live: number;
  readonly rounds: number;
}

export async function roundCounts(
  db: DataSource,
  unitIds: readonly string[],
): Promise<RoundCounts> {
  const [row] = await db.query<RoundCounts[]>(
    `SELECT count(*) FILTER (WHERE state = 'DECIDED')::int AS decided,
            count(*) FILTER (WHERE state = 'UNDECIDED')::int AS undecided,
            count(*) FILTER (WHERE state IN ('OPEN', 'COLLECTING', 'CLOSING'))::int AS live,
            count(*)::int AS rounds
       FROM round WHERE unit_id = ANY($1::uuid[])`,
    [unitIds],
  );
  return row!;
}
