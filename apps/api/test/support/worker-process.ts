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
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  // Started when it says so (an event, not a clock: start-up from source is slow on a loaded machine).
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      lines.push(chunk.toString());
      if (lines.join('').includes('processing jobs')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`worker did not start:\n${lines.join('')}`)));
  });
  return {
    child,
    output: () => lines.join(''),
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Polls `read` until `done` (no fixed sleeps). By default only the test's own timeout limits it, so
 * a loaded machine is slower, never failing; `timeoutMs` fails with the last value earlier.
 */
export async function poll<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = Number.POSITIVE_INFINITY,
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
