import { type ChildProcess, spawn } from 'node:child_process';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly exited: Promise<number>;
}

/**
 * Starts `node [nodeFlags] <script>` with the given environment, output passed through. A `.ts` script
 * (running from source, e.g. in tests) is loaded through @swc-node/register. `parentWatch`
 * (launcher/parent-watch) is preloaded over an IPC channel, so the child stops when this
 * process ends, however it ends.
 */
export function startNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  parentWatch: string,
  nodeFlags: readonly string[] = [],
): Child {
  const loader = script.endsWith('.ts') ? ['-r', '@swc-node/register'] : [];
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', ...nodeFlags, ...loader, '-r', parentWatch, script],
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

/**
 * Polls `url` until it answers 200 (true) or the child dies (false). No deadline: start-up from
 * source on a loaded machine can take minutes, and a child that fails exits; `onSlow` is told
 * every `slowMs` so a person watching knows it is still waiting.
 */
export async function waitForHttpOk(
  url: string,
  child: Child,
  onSlow: (waitedMs: number) => void,
  slowMs = 30_000,
): Promise<boolean> {
  const started = Date.now();
  let dead = false;
  void child.exited.then(() => {
    dead = true;
  });
  const slow = setInterval(() => onSlow(Date.now() - started), slowMs);
  try {
    return await pollHttpOk(url, child, () => dead);
  } finally {
    clearInterval(slow);
  }
}

async function pollHttpOk(url: string, child: Child, dead: () => boolean): Promise<boolean> {
  while (!dead() && child.process.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
