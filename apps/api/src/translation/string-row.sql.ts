import type { SourceStringKind } from '../catalogue/source-string.entity';

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
  winner_translation_id: string | null;
  winner_source_hash: string | null;
  candidate_count: number;
}

/**
 * The StringRow columns over `source_string s JOIN namespace n ON n.id = s.namespace_id
 * LEFT JOIN translation_unit u` (u of the target locale).
 */
export const STRING_ROW_COLUMNS = `s.id, n.name AS namespace, s.key, s.kind, s.context, s.description,
  s.max_length, s.forms, s.source_hash, u.locked, u.current_round_id, u.winner_translation_id,
  u.winner_source_hash,
  (SELECT count(*) FROM translation t
    WHERE t.unit_id = u.id AND t.status = 'active' AND t.source_hash = s.source_hash)::int AS candidate_count`;
