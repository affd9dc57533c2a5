// Bulk-SQL set-up for benchmarks: what sign-up, sign-in and project creation would write, done in
// a few statements so set-up is not what is measured.
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { must } from './stack';

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export interface BenchUsers {
  readonly ids: readonly string[];
  /** `chorus_session=…` cookie per user, for a real session (only its SHA-256 is stored). */
  readonly cookies: readonly string[];
}

/**
 * `count` accounts created 30 days ago (past any minAccountAge), each with a live session, as
 * SessionService.open writes it.
 */
export async function seedUsers(
  db: DataSource,
  prefix: string,
  count: number,
): Promise<BenchUsers> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO "user" (email, display_name, password_hash, created_at)
     SELECT $1 || '-' || i || '@bench.test', $1 || ' ' || i, 'x', now() - interval '30 days'
       FROM generate_series(1, $2::int) AS i
     RETURNING id`,
    [prefix, count],
  );
  const ids = rows.map((r) => r.id);
  const tokens = ids.map(() => randomBytes(32).toString('base64url'));
  await db.query(
    `INSERT INTO session (user_id, token_hash, expires_at)
     SELECT u, h, now() + interval '1 day' FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`,
    [ids, tokens.map(sha256Hex)],
  );
  return { ids, cookies: tokens.map((t) => `chorus_session=${encodeURIComponent(t)}`) };
}

export interface BenchProject {
  readonly id: string;
  readonly slug: string;
  readonly ownerId: string;
  readonly ownerCookie: string;
}

/** A public project with an owner (membership) and the given settings.voting overrides. */
export async function seedProject(
  db: DataSource,
  slug: string,
  voting: Record<string, number> = {},
): Promise<BenchProject> {
  const owner = await seedUsers(db, `${slug}-owner`, 1);
  const [project] = await db.query<{ id: string }[]>(
    `INSERT INTO project (slug, name, source_locale, settings) VALUES ($1, $1, 'en', $2::jsonb)
     RETURNING id`,
    [slug, JSON.stringify({ voting })],
  );
  const ownerId = must(owner.ids[0], 'owner');
  const projectId = must(project, 'project').id;
  await db.query(
    `INSERT INTO membership (project_id, user_id, role, locale) VALUES ($1, $2, 'owner', '')`,
    [projectId, ownerId],
  );
  return { id: projectId, slug, ownerId, ownerCookie: must(owner.cookies[0], 'cookie') };
}

/** A project API token with push and pull (as createApiToken stores it); returns the secret. */
export async function seedPushToken(db: DataSource, project: BenchProject): Promise<string> {
  const secret = `chorus_${randomBytes(32).toString('base64url')}`;
  await db.query(
    `INSERT INTO api_token (project_id, name, token_hash, scopes, created_by)
     VALUES ($1, 'bench', $2, ARRAY['pull', 'push'], $3)`,
    [project.id, sha256Hex(secret), project.ownerId],
  );
  return secret;
}

/** Adds locales to a project; returns code → id. */
export async function seedLocales(
  db: DataSource,
  projectId: string,
  codes: readonly string[],
): Promise<Record<string, string>> {
  const rows = await db.query<{ id: string; code: string }[]>(
    `INSERT INTO locale (project_id, code) SELECT $1, unnest($2::text[]) RETURNING id, code`,
    [projectId, codes],
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** Voting parameters for load tests: no rate limit, no account-age floor, no round ends mid-run. */
export const LOAD_VOTING = {
  maxVotesPerHour: 1_000_000,
  maxCandidatesPerHour: 1_000_000,
  minAccountAge: 0,
  duration: 7 * 24 * 3_600_000,
  minDuration: 7 * 24 * 3_600_000,
  earlyScore: 1,
  earlyMargin: 1,
} as const;
