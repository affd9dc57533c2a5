/**
 * A counting semaphore: at most `slots` tasks at a time, the others wait in arrival order, in
 * memory. Used to keep bursts of expensive work from queueing inside Postgres while holding
 * pooled connections (ReadCache loads, the bundle reads' ReadBulkhead).
 */
export class LoadGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1)
      throw new Error(`LoadGate needs ≥ 1 slot, got ${slots}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; only when none waits is it given back.
      if (next === undefined) this.running -= 1;
      else next();
    }
  }

  /** Every slot is taken: a task run now would wait. */
  get saturated(): boolean {
    return this.running >= this.slots;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }
}
