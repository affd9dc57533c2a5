import { buildSourceUnits, parseI18nextJson } from '@chorus/translation-core';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TestClient } from './graphql-client';

export interface SeededCatalogue {
  readonly projectId: string;
  readonly slug: string;
  /** unit key (e.g. `s:greeting`, `p:items`) → source_string id */
  readonly strings: Readonly<Record<string, string>>;
  readonly localeIds: Readonly<Record<string, string>>;
}

let counter = 0;

/**
 * A project created through GraphQL by `owner`, with target locales and one namespace whose
 * source strings are written straight into the tables (with real translation-core hashes), for
 * tests of contexts that come after the import.
 */
export async function seedCatalogue(
  app: INestApplication,
  owner: TestClient,
  options: {
    locales: readonly string[];
    source: Record<string, unknown>;
    voting?: Record<string, number>;
  },
): Promise<SeededCatalogue> {
  counter += 1;
  const slug = `seed-${process.pid}-${counter}`;
  const created = await owner.ok<{ createProject: { id: string } }>(
    'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
    { i: { slug, name: `Seed ${counter}`, sourceLocale: 'en' } },
  );
  const projectId = created.createProject.id;
  const dataSource = app.get(DataSource);
  await dataSource.query(`UPDATE project SET settings = $2::jsonb WHERE id = $1`, [
    projectId,
    JSON.stringify({ voting: options.voting ?? {} }),
  ]);
  const localeIds: Record<string, string> = {};
  for (const code of ['en', ...options.locales]) {
    const rows: { id: string }[] = await dataSource.query(
      'INSERT INTO locale (project_id, code) VALUES ($1, $2) RETURNING id',
      [projectId, code],
    );
    localeIds[code] = rows[0]!.id;
  }
  const ns: { id: string }[] = await dataSource.query(
    "INSERT INTO namespace (project_id, name) VALUES ($1, 'translation') RETURNING id",
    [projectId],
  );
  const parsed = parseI18nextJson(JSON.stringify(options.source), {
    locale: 'en',
    namespace: 'translation',
  });
  if (!parsed.ok) throw new Error(`bad seed catalogue: ${JSON.stringify(parsed.errors)}`);
  const strings: Record<string, string> = {};
  for (const [position, unit] of buildSourceUnits(parsed.value.catalogue).entries()) {
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, context, forms, source_text, source_hash, position)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11) RETURNING id`,
      [
        projectId,
        ns[0]!.id,
        unit.id,
        unit.key,
        unit.kind,
        JSON.stringify(unit.path),
        unit.context === undefined ? null : JSON.stringify(unit.context),
        JSON.stringify(unit.forms),
        Object.values(unit.forms).join('\n'),
        unit.sourceHash,
        position,
      ],
    );
    strings[unit.id] = rows[0]!.id;
  }
  return { projectId, slug, strings, localeIds };
}

/** Voting parameters that let a test decide with three fresh accounts in a few seconds. */
export const FAST_VOTING = {
  z: 1,
  quorum: 3,
  minVotes: 3,
  minScore: 0.3,
  minMargin: 0.1,
  earlyScore: 0.99,
  earlyMargin: 0.99,
  minDuration: 0,
  duration: 2_500,
  extension: 2_500,
  maxExtensions: 0,
  reopenCooldown: 1_000,
  minAccountAge: 0,
} as const;
