import { type ChildProcess, spawn } from 'node:child_process';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly exited: Promise<number>;
}

/**
 * Starts `node <script>` with the given environment, output passed through. A `.ts` script
 * (running from source, e.g. in tests) is loaded through @swc-node/register. `parentWatch`
 * (launcher/parent-watch) is preloaded over an IPC channel, so the child stops when this
 * process ends, however it ends.
 */
export function startNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  parentWatch: string,
): Child {
  const loader = script.endsWith('.ts') ? ['-r', '@swc-node/register'] : [];
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', ...loader, '-r', parentWatch, script],
    { env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
  );
  const exited = new Promise<number>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(code ?? (signal === null ? 1 : 128)));
  });
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 200, the child dies, or the deadline passes. */
export async function waitForHttpOk(
  url: string,
  child: Child,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void child.exited.then(() => {
    dead = true;
  });
  while (!dead && child.process.exitCode === null && Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
