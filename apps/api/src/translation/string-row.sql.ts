import type { SourceStringKind } from '../catalogue/source-string.entity';
import type { RoundView } from './round.mapper';

/** The unit's current round as the row carries it (JSON: its times are ISO strings). */
export type RoundJson = Omit<RoundView, 'collectingSince' | 'deadline' | 'closedAt'> & {
  collectingSince: string | null;
  deadline: string | null;
  closedAt: string | null;
};

/** The round of a string row, with its times as Dates again. */
export function roundViewOf(json: RoundJson): RoundView {
  const at = (value: string | null) => (value === null ? null : new Date(value));
  return {
    ...json,
    collectingSince: at(json.collectingSince),
    deadline: at(json.deadline),
    closedAt: at(json.closedAt),
  };
}

/** One string seen from one target locale, as STRING_ROW_COLUMNS selects it. */
export interface StringRow {
  id: string;
  namespace: string;
  key: string;
  kind: SourceStringKind;
  context: { base: string; value: string } | null;
  description: string | null;
  max_length: number | null;
  forms: Record<string, string>;
  source_hash: string;
  locked: boolean | null;
  current_round_id: string | null;
  /** The current round, read with the row (no second query for it). */
  round: RoundJson | null;
  winner_translation_id: string | null;
  winner_source_hash: string | null;
  candidate_count: number;
}

/** A round row `r` as RoundJson (roundViewOf makes it a RoundView). */
export const ROUND_JSON = `json_build_object('id', r.id, 'number', r.number, 'state', r.state,
      'params', r.params, 'collectingSince', r.collecting_since, 'deadline', r.deadline,
      'closedAt', r.closed_at, 'reasons', r.reasons, 'decision', r.decision,
      'extensionsUsed', r.extensions_used, 'decidedEarly', r.decided_early, 'winnerId', r.winner_id)`;

/**
 * The StringRow columns over `source_string s JOIN namespace n ON n.id = s.namespace_id
 * LEFT JOIN translation_unit u` (u of the target locale).
 */
export const STRING_ROW_COLUMNS = `s.id, n.name AS namespace, s.key, s.kind, s.context, s.description,
  s.max_length, s.forms, s.source_hash, u.locked, u.current_round_id, u.winner_translation_id,
  u.winner_source_hash,
  (SELECT ${ROUND_JSON} FROM round r WHERE r.id = u.current_round_id) AS round,
  (SELECT count(*) FROM translation t
    WHERE t.unit_id = u.id AND t.status = 'active' AND t.source_hash = s.source_hash)::int AS candidate_count`;
