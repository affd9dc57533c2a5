import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_REDIS_URL, testDatabaseUrl, testQueueBackend } from './support/test-env';

const root = join(__dirname, '../../..');
const LAUNCHER = ['-r', '@swc-node/register', 'apps/api/src/launcher.ts'];
const BASE_ENV = { PATH: process.env['PATH'] ?? '', SWC_NODE_PROJECT: 'apps/api/tsconfig.json' };
// Start-up from source compiles the whole API; on a loaded machine that takes minutes, and the
// tests wait for the launcher's own "ready" line, not for a clock.
const START_TIMEOUT_MS = 600_000;

function launch(env: Record<string, string>) {
  return spawnSync(process.execPath, LAUNCHER, {
    cwd: root,
    env: { ...BASE_ENV, ...env },
    encoding: 'utf8',
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Live (not zombie) processes whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const state = procState(Number(entry));
    if (state !== null && state.ppid === pid && state.state !== 'Z') found.push(Number(entry));
  }
  return found;
}

function procState(pid: number): { state: string; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return null;
  }
}

const alive = (pid: number): boolean => {
  const state = procState(pid);
  return state !== null && state.state !== 'Z';
};

/** Polls until `done` holds; the jest timeout is the only limit. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((r) => setTimeout(r, 100));
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

interface Running {
  readonly launcher: ChildProcess;
  readonly port: number;
  readonly exited: Promise<unknown>;
}

/** Starts the launcher against this run's database and waits for its "ready" line. */
async function startLauncher(name: string, wrapInShell = false): Promise<Running> {
  const port = await freePort();
  const backend = testQueueBackend();
  const env = {
    ...BASE_ENV,
    DATABASE_URL: testDatabaseUrl(),
    QUEUE_BACKEND: backend,
    REDIS_URL: backend === 'redis' ? TEST_REDIS_URL : '',
    QUEUE_PREFIX: `${process.env['CHORUS_TEST_QUEUE_PREFIX'] ?? 'chorus_test'}_${name}`,
    PORT: String(port),
    SEED_DEMO: 'false',
  };
  // As `npm start` runs it: a shell in between whose death the launcher must notice.
  const launcher = wrapInShell
    ? spawn('/bin/sh', ['-c', `"${process.execPath}" ${LAUNCHER.join(' ')}; true`], {
        cwd: root,
        env: { ...env, npm_lifecycle_event: 'start' },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, LAUNCHER, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((r) => launcher.once('exit', r));
  const stdout = launcher.stdout;
  if (stdout === null) throw new Error('no stdout');
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: stdout }).on('line', (line) => {
      if (line.startsWith('chorus: ready on')) resolve();
    });
    void exited.then(() => reject(new Error('the launcher exited before it was ready')));
  });
  return { launcher, port, exited };
}

describe('npm start launcher', () => {
  it(
    'exits 1 with one line naming DATABASE_URL when it is malformed',
    () => {
      const result = launch({ DATABASE_URL: 'mysql://nope' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        'chorus: Invalid environment: DATABASE_URL must use postgres: or postgresql: (got "mysql:" in "mysql://nope")\n',
      );
    },
    START_TIMEOUT_MS,
  );

  it(
    'exits 1 with one line when the database cannot be reached',
    () => {
      const result = launch({
        DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
        QUEUE_BACKEND: 'postgres',
        PORT: '39917',
      });
      expect(result.status).toBe(1);
      const lines = result.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('chorus:'));
      expect(lines[0]).toMatch(/^chorus: Database migration failed: .*ECONNREFUSED/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    START_TIMEOUT_MS,
  );

  it(
    'SIGTERM to the launcher stops the API and worker it started and frees the port',
    async () => {
      const { launcher, port, exited } = await startLauncher('term');
      const pid = launcher.pid ?? 0;
      const children = childrenOf(pid);
      expect(children).toHaveLength(2);
      expect(await portAnswers(port)).toBe(true);
      launcher.kill('SIGTERM');
      await exited;
      await until(() => children.every((c) => !alive(c)));
      expect(await portAnswers(port)).toBe(false);
    },
    START_TIMEOUT_MS,
  );

  it(
    'SIGKILL to the launcher: the API and worker notice and stop themselves',
    async () => {
      const { launcher, port, exited } = await startLauncher('kill');
      const children = childrenOf(launcher.pid ?? 0);
      expect(children).toHaveLength(2);
      launcher.kill('SIGKILL');
      await exited;
      await until(() => children.every((c) => !alive(c)));
      expect(await portAnswers(port)).toBe(false);
    },
    START_TIMEOUT_MS,
  );

  it(
    'SIGKILL to the shell npm runs it in: the launcher notices and stops everything',
    async () => {
      const { launcher: shell, port } = await startLauncher('shell', true);
      const [launcherPid] = childrenOf(shell.pid ?? 0);
      const children = childrenOf(launcherPid ?? 0);
      expect(children).toHaveLength(2);
      shell.kill('SIGKILL');
      await until(() => [launcherPid ?? 0, ...children].every((c) => !alive(c)));
      expect(await portAnswers(port)).toBe(false);
    },
    START_TIMEOUT_MS,
  );
});
