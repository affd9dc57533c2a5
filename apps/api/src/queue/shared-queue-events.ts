import { type Queue, QueueEvents } from 'bullmq';

/**
 * One BullMQ event subscription (a Redis connection) per queue and process, opened on first use
 * and shared by every request that waits on that queue's jobs. A subscription that fails to get
 * ready (queue backend down) is closed and forgotten, so the next use tries a fresh one.
 */
export class SharedQueueEvents {
  private events: Promise<QueueEvents> | null = null;

  /** `listen` attaches the caller's listeners once, to each new subscription. */
  constructor(
    private readonly queue: Queue,
    private readonly listen: (events: QueueEvents) => void = () => undefined,
  ) {}

  get(): Promise<QueueEvents> {
    if (this.events === null) {
      const events = new QueueEvents(this.queue.name, {
        connection: this.queue.opts.connection,
        prefix: this.queue.opts.prefix,
      });
      this.listen(events);
      this.events = events.waitUntilReady().then(
        () => events,
        async (error: unknown) => {
          this.events = null;
          await events.close().catch(() => undefined);
          throw error;
        },
      );
    }
    return this.events;
  }

  async close(): Promise<void> {
    const events = this.events;
    this.events = null;
    if (events !== null) await (await events.catch(() => null))?.close();
  }
}
