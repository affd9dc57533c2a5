/** How a group commit batches its items. */
export interface GroupCommitOptions<I> {
  /** Most items in one batch. */
  readonly maxBatch: number;
  /** Most batches running at once (each holds one pooled connection while it runs). */
  readonly maxInFlight: number;
  /** Items with equal keys never share a batch (a later one waits for the next batch). */
  readonly key: (item: I) => string;
  /**
   * While a batch runs, another slot opens only once the oldest waiting item has waited this long
   * (ms), or a whole batch waits. 0 (the default): every free slot takes the queue at once. See
   * GroupCommit.
   */
  readonly extraSlotAfterMs?: number;
  /** The clock the waits are measured on (ms; tests inject one). Default: performance.now. */
  readonly now?: () => number;
}

/**
 * What follows a batch's commit (notifications, follow-up jobs): it runs after the batch's callers
 * are answered and its slot is free again, so neither a caller nor the next batch's statement waits
 * on it. A failure is reported as a warning (it runs after the commit: there is nothing to undo);
 * `idle()` waits for the runs under way (shutdown, tests).
 */
export type AfterCommit<I, O> = (items: readonly I[], results: readonly O[]) => Promise<void>;

interface Pending<I, O> {
  readonly item: I;
  /** When it was submitted (options.now). */
  readonly since: number;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Opportunistic group commit: an item submitted while fewer than `maxInFlight` batches run goes out
 * at once (alone, so a quiet server adds no delay); items submitted while all slots are busy wait
 * and leave together, up to `maxBatch`, as soon as a slot frees. Without `extraSlotAfterMs` there
 * is no timer: batches grow only as far as the load makes requests overlap. `run` answers one
 * result per item, in order; when it throws for a batch of several (a statement that throws
 * commits nothing), each item is run again alone, so one bad item fails only its own caller.
 *
 * With `extraSlotAfterMs`, the first slot still takes an item at once, but while a batch runs the
 * next slot waits for the oldest item to have waited that long (or for a whole batch to wait).
 * At a moderate rate the items then gather behind the running batch instead of each taking a slot
 * of its own (a batch of one costs the vote statement nearly what a batch of ten does), and a
 * batch that stalls holds the others up by that long at most. Callers are answered at the commit;
 * `afterCommit` runs after that, outside the slot (see AfterCommit): a slot is held only while a
 * statement runs, and a caller waits for nothing but its statement.
 */
export class GroupCommit<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private inFlight = 0;
  private readonly following = new Set<Promise<void>>();
  private readonly now: () => number;
  /** Set while waiting items are due to open another slot (extraSlotAfterMs). */
  private slotTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: (batch: readonly I[]) => Promise<readonly O[]>,
    private readonly options: GroupCommitOptions<I>,
    private readonly afterCommit: AfterCommit<I, O> = () => Promise.resolve(),
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, since: this.now(), resolve, reject });
      this.pump();
    });
  }

  /** Items waiting for a slot (for tests and metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Resolves true once no afterCommit is running (those started meanwhile included), or false
   * after `maxMs` if some still run (a store that never answers must not hold a shutdown).
   */
  async idle(maxMs = Infinity): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<false>((resolve) => {
      if (Number.isFinite(maxMs)) timer = setTimeout(() => resolve(false), maxMs);
    });
    const drained = (async (): Promise<true> => {
      while (this.following.size > 0) await Promise.allSettled([...this.following]);
      return true;
    })();
    try {
      return await Promise.race([drained, givenUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const waitMs = this.inFlight === 0 ? 0 : this.extraSlotWait();
      if (waitMs > 0) {
        this.slotTimer ??= setTimeout(() => {
          this.slotTimer = null;
          this.pump();
        }, waitMs);
        return;
      }
      const batch = this.take();
      this.inFlight += 1;
      void this.settle(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** How much longer the queue waits before another batch may run beside the running ones (ms). */
  private extraSlotWait(): number {
    const after = this.options.extraSlotAfterMs ?? 0;
    const oldest = this.queue[0];
    if (after <= 0 || oldest === undefined || this.queue.length >= this.options.maxBatch) return 0;
    return Math.max(0, oldest.since + after - this.now());
  }

  /** The oldest items with distinct keys, up to maxBatch; the rest keep their order. */
  private take(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const keys = new Set<string>();
    let kept = 0;
    for (let i = 0; i < this.queue.length; i += 1) {
      const pending = this.queue[i] as Pending<I, O>;
      const key = this.options.key(pending.item);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else {
        this.queue[kept] = pending;
        kept += 1;
      }
    }
    this.queue.length = kept;
    return batch;
  }

  private async settle(batch: readonly Pending<I, O>[]): Promise<void> {
    let results: readonly O[];
    try {
      results = await this.run(batch.map((p) => p.item));
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else await this.settleAlone(batch);
      return;
    }
    if (results.length !== batch.length) {
      const error = new Error(`group commit: ${results.length} results for ${batch.length} items`);
      for (const p of batch) p.reject(error);
      return;
    }
    this.answer(batch, results);
  }

  /** After a failed batch (nothing of it committed), each item alone, one after another in this slot. */
  private async settleAlone(batch: readonly Pending<I, O>[]): Promise<void> {
    for (const p of batch) {
      try {
        const results = await this.run([p.item]);
        this.answer([p], results);
      } catch (error) {
        p.reject(error);
      }
    }
  }

  /** Answers the callers, then runs afterCommit (the slot is already free or about to be). */
  private answer(batch: readonly Pending<I, O>[], results: readonly O[]): void {
    batch.forEach((p, i) => p.resolve(results[i] as O));
    const following = this.follow(
      batch.map((p) => p.item),
      results,
    );
    this.following.add(following);
    void following.finally(() => this.following.delete(following));
  }

  private async follow(items: readonly I[], results: readonly O[]): Promise<void> {
    try {
      await this.afterCommit(items, results);
    } catch (error) {
      // The batch is committed and answered whatever happens here: say so.
      process.emitWarning(`group commit: afterCommit failed: ${String(error)}`);
    }
  }
}
