/**
 * Builders that write catalogue, candidate, vote and round rows straight into the database, so a
 * test can set up any state without going through the import and voting mutations. Every builder
 * returns the ids it created; defaults are the simplest valid row.
 */
import { sourceHash, unitId, type UnitKind } from '@chorus/translation-core';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export type Forms = Readonly<Record<string, string>>;

export interface SeededProject {
  readonly id: string;
  readonly slug: string;
  readonly namespaceId: string;
  /** locale code → locale id */
  readonly locales: Readonly<Record<string, string>>;
}

export async function seedUser(ds: DataSource, displayName = 'seeded'): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO "user" (id, email, display_name, password_hash) VALUES ($1, $2, $3, 'not-a-hash')`,
    [id, `${displayName.toLowerCase().replace(/\W/g, '')}-${id}@example.test`, displayName],
  );
  return id;
}

/** A project with its locales (the source locale included) and one namespace. */
export async function seedProject(
  ds: DataSource,
  options: {
    readonly slug: string;
    readonly visibility?: 'public' | 'private';
    readonly sourceLocale?: string;
    readonly locales?: readonly string[];
    readonly ownerId?: string;
    readonly settings?: Record<string, unknown>;
    readonly namespace?: string;
  },
): Promise<SeededProject> {
  const sourceLocale = options.sourceLocale ?? 'en';
  const [project] = await ds.query<{ id: string }[]>(
    `INSERT INTO project (slug, name, source_locale, visibility, settings)
     VALUES ($1, $1, $2, $3, $4) RETURNING id`,
    [options.slug, sourceLocale, options.visibility ?? 'public', options.settings ?? {}],
  );
  const projectId = project!.id;
  if (options.ownerId !== undefined) await addMember(ds, projectId, options.ownerId, 'owner');
  const locales: Record<string, string> = {};
  for (const code of [sourceLocale, ...(options.locales ?? ['de'])]) {
    const [row] = await ds.query<{ id: string }[]>(
      'INSERT INTO locale (project_id, code) VALUES ($1, $2) RETURNING id',
      [projectId, code],
    );
    locales[code] = row!.id;
  }
  const [ns] = await ds.query<{ id: string }[]>(
    'INSERT INTO namespace (project_id, name) VALUES ($1, $2) RETURNING id',
    [projectId, options.namespace ?? 'translation'],
  );
  return { id: projectId, slug: options.slug, namespaceId: ns!.id, locales };
}

export async function addMember(
  ds: DataSource,
  projectId: string,
  userId: string,
  role: 'owner' | 'developer' | 'language_manager' | 'translator',
  locale = '',
): Promise<void> {
  await ds.query(
    'INSERT INTO membership (project_id, user_id, role, locale) VALUES ($1, $2, $3, $4)',
    [projectId, userId, role, locale],
  );
}

export interface SeededString {
  readonly id: string;
  readonly sourceHash: string;
}

/** A source string; `forms` is {"": text} for simple strings, categories for plurals. */
export async function seedString(
  ds: DataSource,
  project: SeededProject,
  options: {
    readonly key: string;
    readonly position: number;
    readonly kind?: UnitKind;
    readonly forms?: Forms;
    readonly description?: string;
    readonly maxLength?: number;
    readonly removed?: boolean;
  },
): Promise<SeededString> {
  const kind = options.kind ?? 'simple';
  const forms = options.forms ?? { '': options.key };
  const hash = sourceHash(kind, forms);
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO source_string (project_id, namespace_id, unit_key, key, kind, path, forms,
       source_text, source_hash, description, max_length, position, removed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      project.id,
      project.namespaceId,
      unitId(kind, options.key),
      options.key,
      kind,
      JSON.stringify(options.key.split('.')),
      forms,
      Object.values(forms).join('\n'),
      hash,
      options.description ?? null,
      options.maxLength ?? null,
      options.position,
      options.removed === true ? new Date() : null,
    ],
  );
  return { id: row!.id, sourceHash: hash };
}

/** Changes a string's source text (and hash), as a re-import would. */
export async function changeSource(
  ds: DataSource,
  stringId: string,
  forms: Forms,
  kind: UnitKind = 'simple',
): Promise<string> {
  const hash = sourceHash(kind, forms);
  await ds.query(
    'UPDATE source_string SET forms = $2, source_text = $3, source_hash = $4 WHERE id = $1',
    [stringId, forms, Object.values(forms).join('\n'), hash],
  );
  return hash;
}

export async function seedUnit(
  ds: DataSource,
  project: SeededProject,
  stringId: string,
  locale: string,
  options: { readonly locked?: boolean } = {},
): Promise<string> {
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO translation_unit (project_id, string_id, locale_id, locked) VALUES ($1, $2, $3, $4)
     ON CONFLICT (string_id, locale_id) DO UPDATE SET locked = EXCLUDED.locked RETURNING id`,
    [project.id, stringId, project.locales[locale], options.locked ?? false],
  );
  return row!.id;
}

export async function seedCandidate(
  ds: DataSource,
  options: {
    readonly unitId: string;
    readonly authorId: string;
    readonly sourceHash: string;
    readonly forms: Forms;
    readonly status?: 'active' | 'withdrawn' | 'rejected' | 'outdated';
    readonly origin?: 'community' | 'import' | 'manager';
    readonly findings?: ReadonlyArray<{
      code: string;
      severity: string;
      form: string;
      message: string;
    }>;
    readonly blockingErrors?: readonly string[];
    readonly createdAt?: Date;
  },
): Promise<string> {
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key, status, origin,
       findings, blocking_errors, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      options.unitId,
      options.authorId,
      options.sourceHash,
      options.forms,
      `${JSON.stringify(options.forms)}#${randomUUID()}`,
      options.status ?? 'active',
      options.origin ?? 'community',
      JSON.stringify(options.findings ?? []),
      [...(options.blockingErrors ?? [])],
      options.createdAt ?? new Date(),
    ],
  );
  return row!.id;
}

export async function seedVote(
  ds: DataSource,
  options: {
    readonly translationId: string;
    readonly voterId: string;
    readonly value: 1 | -1;
    readonly weight?: number;
    readonly evaluatedInRound?: string;
  },
): Promise<void> {
  await ds.query(
    `INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at)
     SELECT $1, t.unit_id, $2, $3, $4, now() FROM translation t WHERE t.id = $1`,
    [options.translationId, options.voterId, options.value, options.weight ?? 1],
  );
  if (options.evaluatedInRound !== undefined)
    await ds.query(
      'INSERT INTO vote_evaluation (translation_id, voter_id, round_id) VALUES ($1, $2, $3)',
      [options.translationId, options.voterId, options.evaluatedInRound],
    );
}

/** A round of a unit, made its current round; a DECIDED round also publishes its winner. */
export async function seedRound(
  ds: DataSource,
  options: {
    readonly unitId: string;
    readonly sourceHash: string;
    readonly state: 'OPEN' | 'COLLECTING' | 'CLOSING' | 'DECIDED' | 'UNDECIDED';
    readonly number?: number;
    readonly winnerId?: string;
    readonly reasons?: readonly string[];
    readonly decision?: Record<string, unknown>;
    readonly params?: Record<string, number>;
  },
): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  const closed = options.state === 'DECIDED' || options.state === 'UNDECIDED';
  await ds.query(
    `INSERT INTO round (id, unit_id, number, source_hash, state, params, opened_at, collecting_since,
       deadline, closed_at, winner_id, reasons, decision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      options.unitId,
      options.number ?? 1,
      options.sourceHash,
      options.state,
      options.params ?? { z: 1.96 },
      now,
      new Date(now.getTime() + 86_400_000),
      closed ? now : null,
      options.state === 'DECIDED' ? (options.winnerId ?? null) : null,
      [...(options.reasons ?? [])],
      options.decision ?? null,
    ],
  );
  await ds.query('UPDATE translation_unit SET current_round_id = $2 WHERE id = $1', [
    options.unitId,
    id,
  ]);
  if (options.state === 'DECIDED' && options.winnerId !== undefined) {
    await ds.query(
      `UPDATE translation_unit SET winner_translation_id = $2, winner_round_id = $3,
         winner_source_hash = $4, decided_at = now() WHERE id = $1`,
      [options.unitId, options.winnerId, id, options.sourceHash],
    );
  }
  return id;
}

export async function seedLedger(
  ds: DataSource,
  options: {
    readonly roundId?: string;
    readonly userId: string;
    readonly kind: 'voter' | 'translator';
    readonly projectId: string;
    readonly locale: string;
    readonly agree?: number;
    readonly disagree?: number;
    readonly accepted?: number;
    readonly rejected?: number;
  },
): Promise<void> {
  await ds.query(
    `INSERT INTO reputation_ledger (round_id, user_id, kind, project_id, locale, agree, disagree,
       accepted, rejected) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      options.roundId ?? randomUUID(),
      options.userId,
      options.kind,
      options.projectId,
      options.locale,
      options.agree ?? 0,
      options.disagree ?? 0,
      options.accepted ?? 0,
      options.rejected ?? 0,
    ],
  );
}

/**
 * A decided string in one step: a unit, one candidate by `authorId`, a DECIDED round with it
 * as the winner. Returns the ids.
 */
export async function seedDecided(
  ds: DataSource,
  project: SeededProject,
  string: SeededString,
  locale: string,
  authorId: string,
  forms: Forms,
): Promise<{ unitId: string; candidateId: string; roundId: string }> {
  const unitId = await seedUnit(ds, project, string.id, locale);
  const candidateId = await seedCandidate(ds, {
    unitId,
    authorId,
    sourceHash: string.sourceHash,
    forms,
  });
  const roundId = await seedRound(ds, {
    unitId,
    sourceHash: string.sourceHash,
    state: 'DECIDED',
    winnerId: candidateId,
  });
  return { unitId, candidateId, roundId };
}
