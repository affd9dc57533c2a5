import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AppConfig } from '../../src/config/env.schema';

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Waits for the process to exit after `signal`. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const root = join(__dirname, '../../../..');

/** The real worker entry point (apps/api/src/worker.ts) as a separate OS process. */
export async function spawnWorker(
  config: AppConfig,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/worker.ts'], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
      NODE_ENV: 'test',
      LOG_FORMAT: 'json',
      DATABASE_URL: config.databaseUrl,
      QUEUE_PREFIX: config.queuePrefix,
      ...(config.queue.backend === 'redis'
        ? { REDIS_URL: config.queue.redisUrl }
        : { QUEUE_BACKEND: 'postgres' }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const deadline = Date.now() + 30_000;
  while (!lines.join('').includes('processing jobs')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`worker did not start:\n${lines.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    output: () => lines.join(''),
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls `read` until `done`, failing with the last value after `timeoutMs` (no fixed sleeps). */
export async function poll<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
