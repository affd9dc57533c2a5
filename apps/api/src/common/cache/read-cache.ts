import type { LoadGate } from '../concurrency/load-gate';

/**
 * A per-process cache of one kind of expensive read, keyed by a string:
 * - an entry is served for `ttlMs` after its load started (a clock that jumps either way refreshes
 *   it; `ttlMs` 0 caches nothing);
 * - concurrent misses on one key share one load; a waiter whose shared load failed loads on its own
 *   (another caller's failure, e.g. its rolled-back transaction, need not be this caller's);
 * - at most `maxEntries` are kept, the least recently filled dropped first;
 * - with a `gate`, loads wait for one of its slots, so a burst of misses on many keys runs a few
 *   at a time. The wait is in this process, before the load asks for a database connection: never
 *   give a gate to loads that run inside a caller's transaction.
 */
export interface ReadCacheOptions {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly gate?: LoadGate;
}

interface Entry<T> {
  readonly at: number;
  readonly value: T;
}

export class ReadCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly loading = new Map<string, Promise<T>>();
  /** Bumped by clear(): a load that started before it must not fill the cache after it. */
  private generation = 0;

  constructor(private readonly options: ReadCacheOptions) {}

  /** The cached value of `key`, or `load()`'s; `now` is the caller's clock (epoch ms). */
  async get(key: string, now: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined && Math.abs(now - hit.at) < this.options.ttlMs) return hit.value;
    const pending = this.loading.get(key);
    if (pending !== undefined) {
      const shared = await pending.then(
        (value) => ({ value }),
        () => undefined,
      );
      if (shared !== undefined) return shared.value;
    }
    const gate = this.options.gate;
    const own = gate === undefined ? load() : gate.run(load);
    this.loading.set(key, own);
    const generation = this.generation;
    try {
      const value = await own;
      if (generation === this.generation) this.store(key, now, value);
      return value;
    } finally {
      if (this.loading.get(key) === own) this.loading.delete(key);
    }
  }

  /** Forgets every entry; loads under way finish for their own callers but are not kept. */
  clear(): void {
    this.entries.clear();
    this.loading.clear();
    this.generation += 1;
  }

  /** Entries held (tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private store(key: string, at: number, value: T): void {
    if (this.options.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { at, value });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }
}
