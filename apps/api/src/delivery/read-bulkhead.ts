import { LoadGate } from '../common/concurrency/load-gate';

/**
 * A LoadGate with a bounded wait queue. Bundle reads are anonymous and cheap one by one, but a
 * burst of them must not take every pooled connection: whatever else the API does (health,
 * GraphQL, imports) would queue behind the burst. Reads beyond `slots` wait here, in memory,
 * instead of in the connection pool's queue; beyond `maxWaiting` they are turned away at once.
 */
export class ReadBulkhead {
  private readonly gate: LoadGate;

  constructor(
    slots: number,
    private readonly maxWaiting: number,
  ) {
    this.gate = new LoadGate(slots);
  }

  /** Runs `work` in a slot; null when the queue is full (the caller answers 503). */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.gate.saturated && this.gate.queued >= this.maxWaiting) return null;
    return this.gate.run(work);
  }
}
