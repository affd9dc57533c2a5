import { buildSourceUnits, parseI18nextJson, type SourceUnit } from '@chorus/translation-core';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Seeds catalogues and decided winners straight into the tables the delivery context reads, for
 * tests that must not depend on the import and voting flows.
 */
export interface SeededCatalogue {
  readonly namespaceId: string;
  /** translation-core unit id (`s:key`, `p:key`) → source string id and unit. */
  readonly strings: ReadonlyMap<string, { readonly id: string; readonly unit: SourceUnit }>;
}

export async function seedNamespace(
  ds: DataSource,
  projectId: string,
  name: string,
  sourceLocale: string,
  json: string,
  nested = true,
): Promise<SeededCatalogue> {
  const parsed = parseI18nextJson(json, {
    locale: sourceLocale,
    namespace: name,
    keySeparator: nested ? '.' : false,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const units = buildSourceUnits(parsed.value.catalogue);
  const rows = (await ds.query(
    `INSERT INTO namespace (project_id, name, nested_keys) VALUES ($1, $2, $3)
     ON CONFLICT (project_id, name) DO UPDATE SET nested_keys = EXCLUDED.nested_keys
     RETURNING id`,
    [projectId, name, nested],
  )) as { id: string }[];
  const namespaceId = (rows[0] as { id: string }).id;
  const strings = new Map<string, { id: string; unit: SourceUnit }>();
  for (const unit of units) strings.set(unit.id, { id: randomUUID(), unit });
  const rowsOf = [...strings.values()];
  await ds.query(
    `INSERT INTO source_string (id, project_id, namespace_id, unit_key, key, kind, path, context,
                                forms, source_text, source_hash, position)
     SELECT i.id, $1, $2, i.unit_key, i.key, i.kind, i.path::jsonb, i.context::jsonb, i.forms::jsonb,
            i.source_text, i.source_hash, i.position
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::int[])
         AS i(id, unit_key, key, kind, path, context, forms, source_text, source_hash, position)`,
    [
      projectId,
      namespaceId,
      rowsOf.map((r) => r.id),
      rowsOf.map((r) => r.unit.id),
      rowsOf.map((r) => r.unit.key),
      rowsOf.map((r) => r.unit.kind),
      rowsOf.map((r) => JSON.stringify(r.unit.path)),
      rowsOf.map((r) => (r.unit.context === undefined ? null : JSON.stringify(r.unit.context))),
      rowsOf.map((r) => JSON.stringify(r.unit.forms)),
      rowsOf.map((r) => Object.values(r.unit.forms).join('\n')),
      rowsOf.map((r) => r.unit.sourceHash),
      rowsOf.map((_, i) => i),
    ],
  );
  return { namespaceId, strings };
}

export async function localeId(ds: DataSource, projectId: string, code: string): Promise<string> {
  const rows = (await ds.query(
    `INSERT INTO locale (project_id, code) VALUES ($1, $2)
     ON CONFLICT (project_id, code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
    [projectId, code],
  )) as { id: string }[];
  return (rows[0] as { id: string }).id;
}

/**
 * A decided winner as the voting context publishes it: the candidate, the unit's winner columns
 * and a DECIDED round. `sourceHash` defaults to the string's current hash (pass another to make
 * the winner stale).
 */
export async function seedWinner(
  ds: DataSource,
  input: {
    readonly projectId: string;
    readonly stringId: string;
    readonly localeId: string;
    readonly authorId: string;
    readonly forms: Readonly<Record<string, string>>;
    readonly sourceHash: string;
  },
): Promise<void> {
  const units = (await ds.query(
    `INSERT INTO translation_unit (project_id, string_id, locale_id) VALUES ($1, $2, $3)
     ON CONFLICT (string_id, locale_id) DO UPDATE SET project_id = EXCLUDED.project_id
     RETURNING id`,
    [input.projectId, input.stringId, input.localeId],
  )) as { id: string }[];
  const unitId = (units[0] as { id: string }).id;
  const translationId = randomUUID();
  const dedupe = JSON.stringify(input.forms);
  await ds.query(
    `INSERT INTO translation (id, unit_id, author_id, source_hash, forms, dedupe_key, status, origin)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'active', 'community')
     ON CONFLICT (unit_id, dedupe_key) DO NOTHING`,
    [translationId, unitId, input.authorId, input.sourceHash, JSON.stringify(input.forms), dedupe],
  );
  const winner = (await ds.query(
    'SELECT id FROM translation WHERE unit_id = $1 AND dedupe_key = $2',
    [unitId, dedupe],
  )) as { id: string }[];
  const winnerId = (winner[0] as { id: string }).id;
  const numbers = (await ds.query(
    'SELECT coalesce(max(number), 0) + 1 AS n FROM round WHERE unit_id = $1',
    [unitId],
  )) as { n: number }[];
  const roundId = randomUUID();
  await ds.query(
    `INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, closed_at, winner_id)
     VALUES ($1, $2, $3, $4, 'DECIDED', '{}'::jsonb, now(), now(), $5)`,
    [roundId, unitId, numbers[0]?.n ?? 1, input.sourceHash, winnerId],
  );
  await ds.query(
    `UPDATE translation_unit SET winner_translation_id = $2, winner_round_id = $3,
            winner_source_hash = $4, decided_at = now()
      WHERE id = $1`,
    [unitId, winnerId, roundId, input.sourceHash],
  );
}

/** Seeds one decided winner per unit of a locale file (units new to that locale). */
export async function seedWinnersFromJson(
  ds: DataSource,
  catalogue: SeededCatalogue,
  input: {
    readonly projectId: string;
    readonly localeId: string;
    readonly locale: string;
    readonly authorId: string;
    readonly json: string;
    readonly nested?: boolean;
  },
): Promise<number> {
  const parsed = parseI18nextJson(input.json, {
    locale: input.locale,
    keySeparator: input.nested === false ? false : '.',
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const winners: { stringId: string; forms: string; sourceHash: string }[] = [];
  for (const unit of parsed.value.catalogue.units) {
    const source = catalogue.strings.get(unit.id);
    if (source === undefined) continue;
    winners.push({
      stringId: source.id,
      forms: JSON.stringify(unit.forms),
      sourceHash: source.unit.sourceHash,
    });
  }
  await seedDecidedWinners(ds, {
    projectId: input.projectId,
    localeId: input.localeId,
    authorId: input.authorId,
    winners,
  });
  return winners.length;
}

/**
 * A decided winner per string in one locale, in a few statements: the unit (when new), the
 * candidate with `forms` (JSON text), its DECIDED round and the unit's winner columns, as a close
 * writes them. `origin` 'import' keeps them out of counts of community candidates.
 */
export async function seedDecidedWinners(
  ds: Pick<DataSource, 'query'>,
  input: {
    readonly projectId: string;
    readonly localeId: string;
    readonly authorId: string;
    readonly winners: readonly { stringId: string; forms: string; sourceHash: string }[];
    readonly origin?: 'community' | 'import';
  },
): Promise<void> {
  const { winners } = input;
  await ds.query(
    `INSERT INTO translation_unit (project_id, string_id, locale_id)
     SELECT $1, string_id, $3 FROM unnest($2::uuid[]) AS i(string_id)
     ON CONFLICT (string_id, locale_id) DO NOTHING`,
    [input.projectId, winners.map((w) => w.stringId), input.localeId],
  );
  // The candidates, their DECIDED rounds and the units' winner columns in one statement.
  await ds.query(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS i(string_id, forms, source_hash)),
     tr AS (
       INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key, origin)
       SELECT u.id, $5, i.source_hash, i.forms::jsonb, i.forms, $6
         FROM input i JOIN translation_unit u ON u.string_id = i.string_id AND u.locale_id = $4
       RETURNING id, unit_id, source_hash),
     rd AS (
       INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, closed_at, winner_id)
       SELECT gen_random_uuid(), unit_id, 1, source_hash, 'DECIDED', '{}'::jsonb, now(), now(), id FROM tr
       RETURNING id, unit_id, winner_id, source_hash)
     UPDATE translation_unit tu SET winner_translation_id = rd.winner_id, winner_round_id = rd.id,
            winner_source_hash = rd.source_hash, decided_at = now()
       FROM rd WHERE tu.id = rd.unit_id`,
    [
      winners.map((w) => w.stringId),
      winners.map((w) => w.forms),
      winners.map((w) => w.sourceHash),
      input.localeId,
      input.authorId,
      input.origin ?? 'community',
    ],
  );
}
