import {
  type Candidate,
  type PublishedWinner,
  type ReasonCode,
  type Round,
  type RoundState,
  type UnitVotingState,
  type Vote,
  type VotingParams,
  DEFAULT_PARAMS,
} from '@chorus/voting';
import { votingParamsOf } from '../catalogue/voting-settings';

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

export interface UnitRow {
  id: string;
  project_id: string;
  slug: string;
  visibility: 'public' | 'private';
  /** `project.settings -> 'voting'` as JSON text (null when unset): parsed once per distinct text. */
  voting: string | null;
  source_locale: string;
  string_id: string;
  locale_id: string;
  code: string;
  source_hash: string;
  removed: boolean;
  locked: boolean;
  is_gold: boolean;
  current_round_id: string | null;
  winner_translation_id: string | null;
  winner_round_id: string | null;
  winner_source_hash: string | null;
  /** Epoch ms (floored), as every time below. */
  decided_at: number | null;
}

export interface StateRow {
  unit_id: string;
  /** The latest round's columns, typed (times as epoch ms); all null when the unit has none. */
  round_id: string | null;
  number: number;
  round_source_hash: string;
  state: RoundState;
  /** The round's parameter snapshot as JSON text: rounds of a project share it, parsed once. */
  params: string;
  opened_at: number;
  collecting_since: number | null;
  deadline: number | null;
  extensions_used: number;
  closed_at: number | null;
  winner_id: string | null;
  reasons: string[];
  decided_early: boolean;
  approved_candidate_id: string | null;
  rejected_candidate_ids: string[];
  dirty: boolean;
  /** Already `Candidate`s and `Vote`s: the statement builds them, so loading maps nothing. */
  candidates: Candidate[];
  votes: Vote[];
  /** Banned authors (candidate order) and voters; null when none (the usual case). */
  banned_authors: string[] | null;
  banned_voters: string[] | null;
}

/** A timestamp as epoch ms, floored: what `new Date(iso).getTime()` gave for the ISO text. */
const ms = (column: string): string => `floor(extract(epoch FROM ${column}) * 1000)`;

export const UNIT_COLUMNS = `tu.id, tu.project_id, p.slug, p.visibility, (p.settings -> 'voting')::text AS voting,
  p.source_locale, tu.string_id, tu.locale_id, l.code, s.source_hash, s.removed_at IS NOT NULL AS removed,
  tu.locked, tu.is_gold, tu.current_round_id, tu.winner_translation_id, tu.winner_round_id,
  tu.winner_source_hash, ${ms('tu.decided_at')}::float8 AS decided_at`;
export const UNIT_JOINS = `translation_unit tu
  JOIN source_string s ON s.id = tu.string_id
  JOIN locale l ON l.id = tu.locale_id
  JOIN project p ON p.id = tu.project_id`;

/**
 * Everything a transition reads, one row per unit, in one statement: the latest round as typed
 * columns, the candidates and the votes as JSON already shaped as libs/voting's objects (times as
 * epoch ms), so one JSON.parse builds them and nothing is mapped object by object; `json`, not `jsonb`, so
 * Postgres never converts to binary and back. An imported text's author is `<origin>:<id>`: it
 * is the app's, not the importer's (it neither blocks the importer's own candidate nor makes their
 * vote on it a self-vote, and earns them no reputation). Runs after the lock, so its snapshot sees
 * every change committed before the lock was granted.
 */
const STATE_COLUMNS = `
SELECT tu.id AS unit_id, r.id AS round_id, r.number, r.source_hash AS round_source_hash, r.state,
  r.params::text AS params, ${ms('r.opened_at')}::float8 AS opened_at,
  ${ms('r.collecting_since')}::float8 AS collecting_since, ${ms('r.deadline')}::float8 AS deadline,
  r.extensions_used, ${ms('r.closed_at')}::float8 AS closed_at, r.winner_id, r.reasons::text[],
  r.decided_early, r.approved_candidate_id, r.rejected_candidate_ids::text[], r.dirty,
  COALESCE(c.candidates, '[]') AS candidates, COALESCE(v.votes, '[]') AS votes,
  c.banned_authors, v.banned_voters
  FROM translation_unit tu
  LEFT JOIN LATERAL (SELECT * FROM round r WHERE r.unit_id = tu.id ORDER BY r.number DESC LIMIT 1) r ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
        'id', t.id, 'unitId', t.unit_id, 'sourceHash', t.source_hash,
        'authorId', CASE WHEN t.origin = 'community' THEN t.author_id::text ELSE t.origin || ':' || t.id END,
        'forms', t.forms, 'createdAt', ${ms('t.created_at')}, 'status', t.status,
        'blockingErrors', t.blocking_errors) ORDER BY t.created_at, t.id) AS candidates,
      array_agg(t.author_id::text ORDER BY t.created_at, t.id) FILTER (WHERE a.banned_at IS NOT NULL) AS banned_authors
      FROM translation t JOIN "user" a ON a.id = t.author_id WHERE t.unit_id = tu.id) c ON true
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
        'voterId', v.voter_id, 'candidateId', v.translation_id, 'value', v.value,
        'castAt', ${ms('v.cast_at')}, 'weight', v.weight, 'evaluatedInRound', e.round_id)) AS votes,
      array_agg(v.voter_id::text) FILTER (WHERE u.banned_at IS NOT NULL) AS banned_voters
      FROM vote v JOIN "user" u ON u.id = v.voter_id
      LEFT JOIN vote_evaluation e ON e.translation_id = v.translation_id AND e.voter_id = v.voter_id
     WHERE v.unit_id = tu.id) v ON true`;
/** One unit (a vote): `id = $1` keeps a generic plan; with `= ANY` Postgres re-plans every call. */
export const STATE_OF_ONE = `${STATE_COLUMNS} WHERE tu.id = $1`;
export const STATE_OF_MANY = `${STATE_COLUMNS} WHERE tu.id = ANY($1::uuid[])`;

const REASONS: ReadonlySet<string> = new Set<ReasonCode>([
  'QUORUM',
  'MIN_VOTES',
  'MIN_SCORE',
  'MIN_MARGIN',
  'MANAGER_APPROVED',
  'SOURCE_CHANGED',
]);

/** Resolved parameters by the project's stored overrides (JSON text): a batch resolves each once. */
const paramsByOverrides = new Map<string, VotingParams>();
const MAX_CACHED_PARAMS = 1_000;

/** The project's voting parameters for its stored `settings.voting` text (null: none set). */
export function paramsOf(voting: string | null): VotingParams {
  const key = voting ?? '';
  const cached = paramsByOverrides.get(key);
  if (cached !== undefined) return cached;
  const params = Object.freeze(
    votingParamsOf(voting === null ? null : { voting: JSON.parse(voting) as unknown }),
  );
  if (paramsByOverrides.size >= MAX_CACHED_PARAMS) paramsByOverrides.clear();
  paramsByOverrides.set(key, params);
  return params;
}

/** Round parameter snapshots by their JSON text, over the defaults; frozen, as they are shared. */
const roundParams = new Map<string, VotingParams>();

function roundParamsOf(text: string): VotingParams {
  const cached = roundParams.get(text);
  if (cached !== undefined) return cached;
  const params = Object.freeze({
    ...DEFAULT_PARAMS,
    ...(JSON.parse(text) as Partial<VotingParams>),
  });
  if (roundParams.size >= MAX_CACHED_PARAMS) roundParams.clear();
  roundParams.set(text, params);
  return params;
}

function toRound(row: StateRow & { round_id: string }, unitId: string): Round {
  const final = row.state === 'DECIDED' || row.state === 'UNDECIDED';
  return {
    id: row.round_id,
    unitId,
    number: row.number,
    sourceHash: row.round_source_hash,
    state: row.state,
    params: roundParamsOf(row.params),
    openedAt: row.opened_at,
    collectingSince: row.collecting_since,
    deadline: row.deadline,
    extensionsUsed: row.extensions_used,
    closedAt: row.closed_at,
    outcome: final
      ? {
          decided: row.state === 'DECIDED',
          winnerId: row.winner_id,
          reasons: row.reasons.filter((r): r is ReasonCode => REASONS.has(r)),
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
    stringRemoved: row.removed,
  };
}

/** Banned authors, then banned voters, each once. */
function bannedOf(row: StateRow): string[] {
  if (row.banned_authors === null && row.banned_voters === null) return [];
  return [...new Set([...(row.banned_authors ?? []), ...(row.banned_voters ?? [])])];
}

function hasRound(row: StateRow): row is StateRow & { round_id: string } {
  return row.round_id !== null;
}

export function toLoaded(row: UnitRow, stored: StateRow | undefined): LoadedUnit {
  const params = paramsOf(row.voting);
  const unit = { id: row.id, sourceHash: row.source_hash, isGold: row.is_gold, locked: row.locked };
  const base = { context: toContext(row), params, unit, storedRoundId: row.current_round_id };
  if (stored === undefined || !hasRound(stored)) return { ...base, state: null };
  const publishedWinner: PublishedWinner | null =
    row.winner_translation_id !== null &&
    row.winner_round_id !== null &&
    row.winner_source_hash !== null
      ? {
          roundId: row.winner_round_id,
          candidateId: row.winner_translation_id,
          sourceHash: row.winner_source_hash,
          decidedAt: row.decided_at ?? 0,
        }
      : null;
  const state: UnitVotingState = {
    unit,
    params,
    round: toRound(stored, row.id),
    candidates: stored.candidates,
    votes: stored.votes,
    bannedUserIds: bannedOf(stored),
    publishedWinner,
  };
  return { ...base, state };
}
