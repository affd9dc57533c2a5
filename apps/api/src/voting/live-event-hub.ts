import type { LiveEvent } from './live-events';
import { coalesces, type EventOf, isEventOf, type LiveTopic, topicKey } from './live-topics';

/** Events a subscriber may fall behind by before the oldest are dropped (a stalled client). */
export const SUBSCRIBER_BUFFER_MAX = 1_000;

type Listener = (event: LiveEvent) => void;

/** Time as the hub sees it; tests move it by hand. */
export interface SpacingClock {
  now(): number;
  /** Resolves after `ms` (the hub never waits longer than its spacing). */
  wait(ms: number): Promise<void>;
}

const systemClock: SpacingClock = {
  now: () => Date.now(),
  wait: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms).unref();
    }),
};

export interface LiveEventHubOptions {
  /**
   * On a coalescing topic, the least time between two events handed to one subscription (0: none).
   * What arrives meanwhile merges into one, the newest: a string voted on ten times a second sends
   * each of its viewers a message per spacing, not per vote. LIVE_STRING_SPACING_MS.
   */
  readonly spacingMs?: number;
  readonly clock?: SpacingClock;
}

/**
 * Hands the events a process receives (from Redis or Postgres) to the subscriptions of their topic.
 * Delivery costs a map lookup plus the matching subscriptions: an event reaches no other listener,
 * so thousands of open subscriptions on other strings, projects or users cost nothing per event
 * (before, every event ran every subscription's filter: at 1,000 votes/s with 5,000 open
 * subscriptions, 5 million calls a second).
 */
export class LiveEventHub {
  private readonly byTopic = new Map<string, Set<Listener>>();
  private readonly spacingMs: number;
  private readonly clock: SpacingClock;

  constructor(options: LiveEventHubOptions = {}) {
    this.spacingMs = options.spacingMs ?? 0;
    this.clock = options.clock ?? systemClock;
  }

  deliver(event: LiveEvent): void {
    const listeners = this.byTopic.get(topicKey(event));
    if (listeners === undefined) return;
    for (const listener of listeners) listener(event);
  }

  /** Subscriptions open on `topic` (tests and metrics). */
  listeners(topic: LiveTopic): number {
    return this.byTopic.get(topicKey(topic))?.size ?? 0;
  }

  /** Topics with at least one subscription. */
  get topics(): number {
    return this.byTopic.size;
  }

  /**
   * The events of `topic` from now on, until the iterator is returned. A subscriber that does not
   * keep up keeps the newest SUBSCRIBER_BUFFER_MAX events; on a coalescing topic it keeps the newest
   * one, and takes one no sooner than `spacingMs` after the one before.
   */
  subscribe<T extends LiveTopic>(topic: T): AsyncIterableIterator<EventOf<T>> {
    const key = topicKey(topic);
    const merge = coalesces(topic);
    const buffer: EventOf<T>[] = [];
    const waiting: ((result: IteratorResult<EventOf<T>>) => void)[] = [];
    let done = false;
    const listener: Listener = (event) => {
      if (!isEventOf(topic, event)) return;
      const next = waiting.shift();
      if (next !== undefined) next({ value: event, done: false });
      // The newest replaces the one waiting: work shared per event (EventMemo) may already have
      // been done for the older one, before the change this one announces.
      else if (merge && buffer.length > 0) buffer[0] = event;
      else if (buffer.push(event) > SUBSCRIBER_BUFFER_MAX) buffer.shift();
    };
    let listeners = this.byTopic.get(key);
    if (listeners === undefined) {
      listeners = new Set();
      this.byTopic.set(key, listeners);
    }
    listeners.add(listener);
    const finish = (): Promise<IteratorResult<EventOf<T>>> => {
      if (!done) {
        done = true;
        this.remove(key, listener);
        buffer.length = 0;
        for (const w of waiting.splice(0)) w({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    };
    const take = (): Promise<IteratorResult<EventOf<T>>> => {
      if (done) return Promise.resolve({ value: undefined, done: true });
      const value = buffer.shift();
      if (value !== undefined) return Promise.resolve({ value, done: false });
      return new Promise((resolve) => waiting.push(resolve));
    };
    const spacing = merge ? this.spacingMs : 0;
    let handedAt = Number.NEGATIVE_INFINITY;
    const spaced = async (): Promise<IteratorResult<EventOf<T>>> => {
      // Waits before taking, so what arrives meanwhile merges in the buffer.
      const early = handedAt + spacing - this.clock.now();
      if (early > 0) await this.clock.wait(early);
      const result = await take();
      handedAt = this.clock.now();
      return result;
    };
    return {
      next: spacing > 0 ? spaced : take,
      return: finish,
      throw: (error: unknown) =>
        finish().then(() =>
          Promise.reject(error instanceof Error ? error : new Error(String(error))),
        ),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  private remove(key: string, listener: Listener): void {
    const listeners = this.byTopic.get(key);
    if (listeners === undefined) return;
    listeners.delete(listener);
    if (listeners.size === 0) this.byTopic.delete(key);
  }
}
