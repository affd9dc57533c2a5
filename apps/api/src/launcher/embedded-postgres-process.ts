import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface EmbeddedPostgresProcess {
  readonly url: string;
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresProcessOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  /** Directory holding `embedded-postgres.js` (built) or `embedded-postgres.ts` (source). */
  readonly entryDir: string;
}

/**
 * Starts the embedded PostgreSQL in its own detached process group (see embedded-postgres.ts):
 * the package stops its servers on the first SIGINT it sees, which must not race the API's
 * and worker's graceful shutdown.
 */
export async function spawnEmbeddedPostgres(
  options: EmbeddedPostgresProcessOptions,
): Promise<EmbeddedPostgresProcess> {
  const built = join(options.entryDir, 'embedded-postgres.js');
  const script = existsSync(built)
    ? [built]
    : ['-r', '@swc-node/register', join(options.entryDir, 'embedded-postgres.ts')];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...script,
      '--data-dir',
      options.dataDir,
      '--port',
      String(options.port),
      '--database',
      options.database,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stdout = child.stdout;
  if (stdout === null) throw new Error('embedded PostgreSQL has no stdout');
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: stdout }).on('line', (line) => {
      if (line.startsWith('{')) resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then(() =>
      reject(new Error(stderr.join('').trim() || 'embedded PostgreSQL exited')),
    );
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
