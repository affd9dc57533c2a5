import type { EventOf, LiveTopic } from './live-topics';

/**
 * Live events for GraphQL subscriptions, published by whichever process changed the data (API or
 * worker) and delivered by every API instance: Redis pub/sub in production, Postgres
 * LISTEN/NOTIFY when the queue runs on Postgres. One small interface, two implementations.
 */
export interface RoundDecidedEvent {
  readonly type: 'roundDecided';
  readonly projectId: string;
  readonly locale: string;
  readonly stringId: string;
  readonly roundId: string;
}

export interface StringUpdatedEvent {
  readonly type: 'stringUpdated';
  readonly projectId: string;
  readonly locale: string;
  readonly stringId: string;
}

/** A round reached its deadline undecided and now waits for a language manager (once per round). */
export interface RoundNeedsDecisionEvent {
  readonly type: 'roundNeedsDecision';
  readonly projectId: string;
  readonly locale: string;
  readonly stringId: string;
  readonly roundId: string;
}

/** A notification was stored for one user (issue 18); carried on the notification module's own channel. */
export interface NotificationAddedEvent {
  readonly type: 'notificationAdded';
  readonly userId: string;
  readonly notificationId: string;
}

export type LiveEvent =
  RoundDecidedEvent | StringUpdatedEvent | RoundNeedsDecisionEvent | NotificationAddedEvent;

export const LIVE_EVENTS = Symbol('LIVE_EVENTS');

export interface LiveEvents {
  publish(event: LiveEvent): Promise<void>;
  /** Several events in one message (a close batch): one round trip instead of one per event. */
  publishMany(events: readonly LiveEvent[]): Promise<void>;
  /** The events of `topic`, until the returned iterator is closed (see LiveEventHub). */
  subscribe<T extends LiveTopic>(topic: T): AsyncIterableIterator<EventOf<T>>;
  close(): Promise<void>;
}
