import type { PlannedPool } from '../database/planned-pool';
import type { UserEntity } from '../identity/user.entity';
import type { RoundView } from './round.mapper';
import { ROUND_JSON, roundViewOf, type RoundJson } from './string-row.sql';
import type { CandidateFields } from './candidate.mapper';

/** A candidate as the candidate list shows it: its columns and its author's. */
export type CandidateRow = CandidateFields & {
  readonly author: Pick<UserEntity, 'id' | 'displayName' | 'createdAt' | 'bannedAt'> | null;
};

/** A vote on one of the unit's candidates, with whether its voter is banned. */
export interface VoteRow {
  readonly translation_id: string;
  readonly voter_id: string;
  readonly value: number;
  readonly weight: number;
  readonly banned: boolean;
}

/** A round with the project and locale of its unit. */
export interface ScopedRound {
  readonly round: RoundView;
  readonly projectId: string;
  readonly localeId: string;
}

/** What the candidate list is made of. */
export interface CandidateListRows {
  /** Null when the unit has no round yet. */
  readonly round: ScopedRound | null;
  /** Every candidate of the unit, oldest first, with its author. */
  readonly candidates: readonly CandidateRow[];
  readonly votes: readonly VoteRow[];
}

/** A candidate as the statement's JSON carries it (times as ISO strings). */
interface CandidateJson {
  id: string;
  authorId: string;
  sourceHash: string;
  forms: Record<string, string>;
  status: CandidateRow['status'];
  origin: CandidateRow['origin'];
  findings: CandidateRow['findings'];
  blockingErrors: string[];
  hiddenAt: string | null;
  createdAt: string;
  authorName: string | null;
  authorCreatedAt: string | null;
  authorBannedAt: string | null;
}

interface Row {
  round: { round: RoundJson; projectId: string; localeId: string } | null;
  candidates: CandidateJson[];
  votes: VoteRow[];
}

/**
 * The list's round (with its unit's project and locale), candidates with their authors, and votes,
 * in one statement on a pool that plans it once per connection (GenericPlanPool). Read through
 * TypeORM, a vote's or a submit's answer planned the round and candidate reads on every call
 * (0.29 ms of 0.4 ms in W8), and the three reads were three round trips.
 */
const LIST_SQL = `SELECT
  (SELECT json_build_object('round', ${ROUND_JSON}, 'projectId', tu.project_id, 'localeId', tu.locale_id)
     FROM round r JOIN translation_unit tu ON tu.id = r.unit_id WHERE r.id = $2::uuid) AS round,
  (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'authorId', t.author_id,
            'sourceHash', t.source_hash, 'forms', t.forms, 'status', t.status, 'origin', t.origin,
            'findings', t.findings, 'blockingErrors', t.blocking_errors, 'hiddenAt', t.hidden_at,
            'createdAt', t.created_at, 'authorName', a.display_name,
            'authorCreatedAt', a.created_at, 'authorBannedAt', a.banned_at)
          ORDER BY t.created_at, t.id), '[]')
     FROM translation t LEFT JOIN "user" a ON a.id = t.author_id WHERE t.unit_id = $1) AS candidates,
  (SELECT COALESCE(json_agg(json_build_object('translation_id', v.translation_id,
            'voter_id', v.voter_id, 'value', v.value, 'weight', v.weight,
            'banned', u.banned_at IS NOT NULL)), '[]')
     FROM vote v JOIN "user" u ON u.id = v.voter_id WHERE v.unit_id = $1) AS votes`;

const at = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** The rows of a unit's candidate list; `roundId` null: the unit has no round yet. */
export async function candidateListRows(
  pool: Pick<PlannedPool, 'query'>,
  unitId: string,
  roundId: string | null,
): Promise<CandidateListRows> {
  const [row] = await pool.query<Row>(LIST_SQL, [unitId, roundId]);
  if (row === undefined) throw new Error('candidate list statement returned no row');
  return {
    round:
      row.round === null
        ? null
        : {
            round: roundViewOf(row.round.round),
            projectId: row.round.projectId,
            localeId: row.round.localeId,
          },
    candidates: row.candidates.map((c) => ({
      id: c.id,
      authorId: c.authorId,
      sourceHash: c.sourceHash,
      forms: c.forms,
      status: c.status,
      origin: c.origin,
      findings: c.findings,
      blockingErrors: c.blockingErrors,
      hiddenAt: at(c.hiddenAt),
      createdAt: new Date(c.createdAt),
      author:
        c.authorName === null || c.authorCreatedAt === null
          ? null
          : {
              id: c.authorId,
              displayName: c.authorName,
              createdAt: new Date(c.authorCreatedAt),
              bannedAt: at(c.authorBannedAt),
            },
    })),
    votes: row.votes,
  };
}
