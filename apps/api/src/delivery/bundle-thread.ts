import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ThreadReply, ThreadRequest } from './bundle-thread.protocol';
import type { BuildNamespace, LocaleBuild, NamespaceBundle } from './locale-bundles';

/** Distributes ThreadRequest over its union (`Omit` of a union keeps only the common keys). */
type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;

/** One build's session on the thread: its source strings are parsed there once. */
export interface BundleSession {
  /** Every namespace's bundle of one locale; `winners`: copyWinners' bytes (empty: none). */
  build(locale: Omit<LocaleBuild, 'winners'>, winners: Uint8Array): Promise<NamespaceBundle[]>;
  close(): Promise<void>;
}

/**
 * Runs bundle builds on a worker thread. A big locale's build is CPU-bound for a second or more
 * (100k keys: parse, canonical JSON, SHA-256); on the worker's event loop it stalled every close
 * job, lock renewal and queue round trip of the process for that long, a fifth of the time during
 * a decision storm (REBUILD_SPACING). The rows travel as COPY's raw bytes, so the main thread neither
 * parses them nor builds their objects. One thread, started on first use
 * (only the worker builds); a thread that dies fails the builds in flight, whose jobs retry, and
 * the next build starts a new one.
 */
@Injectable()
export class BundleThread implements OnApplicationShutdown {
  private thread: RunningThread | null = null;
  private nextId = 1;
  private nextSession = 1;
  /** Sessions opened and not yet closed: a build job in progress. */
  private openSessions = 0;
  private whenIdle: (() => void) | null = null;
  /** Set at application shutdown: no thread is started after it. */
  private shutDown = false;

  async open(sources: Uint8Array, namespaces: readonly BuildNamespace[]): Promise<BundleSession> {
    const session = this.nextSession;
    this.nextSession += 1;
    this.openSessions += 1;
    try {
      await this.send({ type: 'open', session, sources, namespaces });
    } catch (error) {
      this.sessionEnded();
      throw error;
    }
    let closed = false;
    return {
      build: async (locale, winners) => {
        const reply = await this.send({ type: 'build', session, winners, locale });
        return [...(reply.bundles ?? [])];
      },
      close: async () => {
        if (closed) return;
        closed = true;
        // A thread that died took the session with it: nothing to close then.
        if (this.thread !== null)
          await this.send({ type: 'close', session }).catch(() => undefined);
        this.sessionEnded();
      },
    };
  }

  /**
   * Stops the thread once the builds in progress are done: the queue workers close in this
   * same phase and wait for their active jobs, so a rebuild running at SIGTERM finishes its
   * build instead of failing (its job would be dropped, and its request wait for the next one).
   */
  async onApplicationShutdown(): Promise<void> {
    this.shutDown = true;
    if (this.openSessions > 0)
      await new Promise<void>((resolve) => {
        this.whenIdle = resolve;
      });
    await this.stop();
  }

  /**
   * Stops the thread at once: builds in flight fail; the next build starts a new thread (unless
   * the application is shutting down).
   */
  async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    await thread?.worker.terminate();
  }

  private sessionEnded(): void {
    this.openSessions -= 1;
    if (this.openSessions === 0) this.whenIdle?.();
  }

  private send(request: Unsent<ThreadRequest>): Promise<ThreadReply & { ok: true }> {
    const id = this.nextId;
    this.nextId += 1;
    let thread: RunningThread;
    try {
      thread = this.thread ?? this.start();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise((resolve, reject) => {
      // Held while it owes answers, so a process waiting for a build does not exit under it.
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ ...request, id });
    });
  }

  private start(): RunningThread {
    if (this.shutDown) throw new Error('the bundle thread is shut down');
    const worker = startThread();
    // Each thread answers its own requests: a stopped thread's exit fails only those.
    const thread: RunningThread = { worker, pending: new Map() };
    worker.on('message', (reply: ThreadReply) => {
      const waiter = thread.pending.get(reply.id);
      if (waiter === undefined) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if (reply.ok) waiter.resolve(reply);
      else waiter.reject(new Error(`bundle build failed on its thread: ${reply.message}`));
    });
    const fail = (error: Error): void => {
      if (this.thread === thread) this.thread = null;
      const waiting = [...thread.pending.values()];
      thread.pending.clear();
      for (const waiter of waiting) waiter.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the bundle thread exited (code ${code})`)));
    // Idle, it must not keep a process alive that is otherwise done (send() holds it while it
    // owes answers). After the listeners: adding a 'message' listener refs the thread again, and
    // an idle thread then held the process open (jest's run "did not exit").
    worker.unref();
    this.thread = thread;
    return thread;
  }
}

interface RunningThread {
  readonly worker: Worker;
  readonly pending: Map<
    number,
    { resolve: (reply: ThreadReply & { ok: true }) => void; reject: (error: Error) => void }
  >;
}

/**
 * The compiled entry beside the bundled worker (dist/apps/api/bundle-build-thread.js, a webpack
 * entry of its own); from source (development, tests), the TypeScript entry through
 * @swc-node/register with the API's tsconfig (its path aliases).
 */
function startThread(): Worker {
  const compiled = join(__dirname, 'bundle-build-thread.js');
  if (existsSync(compiled)) return new Worker(compiled);
  const source = join(__dirname, 'bundle-build.thread.ts');
  return new Worker(`require('@swc-node/register'); require(${JSON.stringify(source)});`, {
    eval: true,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: process.env['SWC_NODE_PROJECT'] ?? join(__dirname, '../../tsconfig.json'),
    },
  });
}
