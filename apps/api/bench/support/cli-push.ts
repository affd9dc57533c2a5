// The W1 CLI variant: the same files pushed by the real `chorus push` (the built CLI, one child
// process for all files, as CI runs it), timed from spawn to exit, so its polling, its concurrency
// and how fast it exits all count.
import { execFile, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '../../../..');
const CLI = join(REPO_ROOT, 'dist/apps/cli/chorus.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the CLI bundle (webpack) when it is missing or older than its sources. */
export function ensureCliBuilt(log: (line: string) => void): string {
  const sources = Math.max(
    newestMtime(join(REPO_ROOT, 'apps/cli/src')),
    newestMtime(join(REPO_ROOT, 'libs/translation-core/src')),
  );
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= sources) return CLI;
  log('building the CLI (npx nx run cli:build)…');
  execSync('npx nx run cli:build --outputStyle=static', {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  return CLI;
}

/** `chorus push` of every file (source first) in one process; answers the wall time to exit. */
export async function cliPush(
  cli: string,
  baseUrl: string,
  slug: string,
  token: string,
  files: readonly { locale: string; body: string }[],
): Promise<{ ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'w1-cli-'));
  try {
    const paths = files.map((f) => {
      const path = join(dir, `${f.locale}.json`);
      writeFileSync(path, f.body);
      return path;
    });
    const started = performance.now();
    await new Promise<void>((resolveRun, reject) => {
      execFile(
        process.execPath,
        [cli, 'push', ...paths, '--project', slug, '--namespace', 'translation'],
        {
          cwd: dir,
          env: { PATH: process.env['PATH'] ?? '', CHORUS_URL: baseUrl, CHORUS_TOKEN: token },
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, _stdout, stderr) =>
          error === null ? resolveRun() : reject(new Error(`chorus push failed: ${stderr}`)),
      );
    });
    return { ms: performance.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
