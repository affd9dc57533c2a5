import type { LiveEvent } from './live-events';

/**
 * What one subscription listens to. Every event belongs to exactly one topic (`topicKey` of the
 * event equals that of its topic), so a process hands an event to the subscriptions of its topic
 * only, however many others are open (LiveEventHub).
 */
export type LiveTopic =
  | { readonly type: 'roundDecided'; readonly projectId: string; readonly locale: string }
  | { readonly type: 'roundNeedsDecision'; readonly projectId: string; readonly locale: string }
  | { readonly type: 'stringUpdated'; readonly stringId: string; readonly locale: string }
  | { readonly type: 'notificationAdded'; readonly userId: string };

/** The events a subscription to `T` receives. */
export type EventOf<T extends LiveTopic> = Extract<LiveEvent, { readonly type: T['type'] }>;

/** An event carries its topic's fields, so one function keys both. */
export function topicKey(of: LiveTopic | LiveEvent): string {
  switch (of.type) {
    case 'roundDecided':
    case 'roundNeedsDecision':
      return `${of.type}\u0000${of.projectId}\u0000${of.locale}`;
    case 'stringUpdated':
      return `${of.type}\u0000${of.stringId}\u0000${of.locale}`;
    case 'notificationAdded':
      return `${of.type}\u0000${of.userId}`;
    default:
      return of satisfies never;
  }
}

/**
 * Topics whose events say only "look again": two of them waiting for the same subscriber are one.
 * A `stringUpdated` carries nothing but its topic (the subscriber re-reads the string), so a
 * subscriber that is behind gets one event, the newest, not one per vote it missed; a `roundDecided` names
 * its round and a notification its row, so those are never merged.
 */
export function coalesces(topic: LiveTopic): boolean {
  return topic.type === 'stringUpdated';
}

export function isEventOf<T extends LiveTopic>(topic: T, event: LiveEvent): event is EventOf<T> {
  return event.type === topic.type;
}
