import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { LIVE_EVENTS, type LiveEvent, type LiveEvents } from './live-events';

/** How long a vote's live event may wait for others to share its message. */
export const LIVE_BATCH_MS = 10;

/** Events are small flat objects built in one field order, so equal events serialise alike. */
function keyOf(event: LiveEvent): string {
  return JSON.stringify(event);
}

/**
 * Live events from the request hot path (a vote's `stringUpdated`), gathered for LIVE_BATCH_MS and
 * sent as one message: under a crowd that is one publish per window instead of one per vote, and
 * repeats of the same event inside a window (votes on one popular string) go out once. Subscribers
 * re-read what changed, so the coalesced event tells them the same thing. Not for events that must
 * leave before the caller returns: those use LiveEvents directly.
 */
@Injectable()
export class LiveEventBatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('LiveEvents');
  private pending = new Map<string, LiveEvent>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(@Inject(LIVE_EVENTS) private readonly live: LiveEvents) {}

  /** Queues the event for the current window; publish failures are logged, never thrown. */
  add(event: LiveEvent): void {
    this.pending.set(keyOf(event), event);
    this.timer ??= setTimeout(() => void this.flush(), LIVE_BATCH_MS);
  }

  /** Sends what is queued now (also at shutdown); resolves once it was handed to the transport. */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const events = [...this.pending.values()];
    this.pending = new Map();
    if (events.length > 0) {
      this.inFlight = this.inFlight.then(() =>
        this.live.publishMany(events).catch((error: unknown) => {
          this.logger.error(`publishing ${events.length} live events failed: ${String(error)}`);
        }),
      );
    }
    await this.inFlight;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
