/**
 * A counting semaphore with a bounded wait queue. Bundle reads are anonymous and cheap one by one,
 * but a burst of them must not take every pooled connection: whatever else the API does (health,
 * GraphQL, imports) would queue behind the burst. Reads beyond `slots` wait here, in memory,
 * instead of in the connection pool's queue; beyond `maxWaiting` they are turned away at once.
 */
export class ReadBulkhead {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
  ) {}

  /** Runs `work` in a slot; null when the queue is full (the caller answers 503). */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.active >= this.slots) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; otherwise it is freed.
      if (next === undefined) this.active -= 1;
      else next();
    }
  }
}
