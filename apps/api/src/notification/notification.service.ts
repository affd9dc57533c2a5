import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { JsonValue } from '../common/errors/app-error';
import type { NotificationAddedEvent } from '../voting/live-events';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-kind';
import { NotificationLiveEvents } from './notification-live-events';

/** The payload is shown to its user; kept small (ids, a locale, a short excerpt). */
export type NotificationPayload = { readonly [key: string]: JsonValue };

export interface NotifyInput {
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly projectId?: string | null;
  readonly payload: NotificationPayload;
  /**
   * Names the event (`won:<roundId>`): a second notify with the same key for the same user is
   * ignored, so a job that runs twice notifies once. Omit for events that cannot repeat.
   */
  readonly dedupeKey?: string;
}

/** Payloads past this size are cut to their ids; a notification is a pointer, not a copy. */
const PAYLOAD_MAX_CHARS = 2_000;
/** Rows per INSERT statement when a close batch notifies many users at once. */
const INSERT_CHUNK = 500;

function boundedPayload(payload: NotificationPayload): NotificationPayload {
  const json = JSON.stringify(payload);
  if (json.length <= PAYLOAD_MAX_CHARS) return payload;
  const kept: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(payload))
    if (typeof value !== 'string' || value.length <= 80) kept[key] = value;
    else kept[key] = `${value.slice(0, 79)}…`;
  return JSON.stringify(kept).length <= PAYLOAD_MAX_CHARS ? kept : {};
}

/**
 * Stores in-app notifications and announces them on the live channel (the `notificationAdded`
 * subscription). Call it AFTER your transaction commits: it writes in its own statement and never
 * blocks or fails the caller's work (a failure is logged; a lost notification is not worth a lost
 * vote or decision).
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: NotificationLiveEvents,
  ) {}

  notify(input: NotifyInput): Promise<void> {
    return this.notifyMany([input]);
  }

  /** Many notifications in few statements and one live message (a round-close batch). */
  async notifyMany(inputs: readonly NotifyInput[]): Promise<void> {
    const valid = inputs.filter((i) => (NOTIFICATION_KINDS as readonly string[]).includes(i.kind));
    if (valid.length === 0) return;
    try {
      const events: NotificationAddedEvent[] = [];
      for (let start = 0; start < valid.length; start += INSERT_CHUNK) {
        const chunk = valid.slice(start, start + INSERT_CHUNK);
        const rows = await this.dataSource.query<{ id: string; user_id: string }[]>(
          `INSERT INTO notification (user_id, kind, project_id, payload, dedupe_key)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[], $5::text[])
           ON CONFLICT (user_id, dedupe_key) DO NOTHING
           RETURNING id, user_id`,
          [
            chunk.map((i) => i.userId),
            chunk.map((i) => i.kind),
            chunk.map((i) => i.projectId ?? null),
            chunk.map((i) => JSON.stringify(boundedPayload(i.payload))),
            chunk.map((i) => i.dedupeKey ?? null),
          ],
        );
        for (const row of rows)
          events.push({ type: 'notificationAdded', userId: row.user_id, notificationId: row.id });
      }
      await this.live.publishMany(events);
    } catch (error) {
      this.logger.error(`notify failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
