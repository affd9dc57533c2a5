import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { commonError } from '../common/errors/common.errors';
import type { NotificationModel, NotificationPageModel } from './dto/notification.model';
import type { NotificationKind } from './notification-kind';
import { NotificationLiveEvents } from './notification-live-events';
import { UUID } from '../common/uuid';

/** A page holds at most this many notifications. */
export const NOTIFICATION_PAGE_MAX = 100;
/** markNotificationsRead takes at most this many ids at once (or `all`). */
export const MARK_READ_MAX = 200;

interface Row {
  id: string;
  kind: NotificationKind;
  created_at: Date;
  read_at: Date | null;
  payload: Record<string, unknown>;
  slug: string | null;
  name: string | null;
}

const SELECT = `SELECT n.id, n.kind, n.created_at, n.read_at, n.payload, p.slug, p.name
  FROM notification n LEFT JOIN project p ON p.id = n.project_id`;

function text(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
}

export function toNotificationModel(row: Row): NotificationModel {
  const p = row.payload;
  return {
    id: row.id,
    kind: row.kind,
    createdAt: row.created_at,
    read: row.read_at !== null,
    projectSlug: row.slug,
    projectName: row.name,
    locale: text(p, 'locale'),
    stringId: text(p, 'stringId'),
    stringKey: text(p, 'stringKey'),
    threadId: text(p, 'threadId'),
    commentId: text(p, 'commentId'),
    roundId: text(p, 'roundId'),
    actorName: text(p, 'actorName'),
    excerpt: text(p, 'excerpt'),
    action: text(p, 'action'),
  };
}

/** The viewer's own notifications: every read and write here is scoped to the caller's user id. */
@Injectable()
export class NotificationQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: NotificationLiveEvents,
  ) {}

  async page(
    userId: string,
    first: number,
    after: string | undefined,
    unreadOnly: boolean,
  ): Promise<NotificationPageModel> {
    if (!Number.isInteger(first) || first < 1 || first > NOTIFICATION_PAGE_MAX) {
      throw commonError(
        'BAD_USER_INPUT',
        `"first" must be between 1 and ${NOTIFICATION_PAGE_MAX}; ask for more with "after".`,
      );
    }
    if (after !== undefined && !UUID.test(after)) {
      throw commonError('BAD_USER_INPUT', '"after" must be a nextCursor this query returned.');
    }
    // Keyset on (created_at, id) descending: newest first; the cursor is the last row's id.
    const rows = await this.dataSource.query<Row[]>(
      `${SELECT}
        WHERE n.user_id = $1
          AND ($2::boolean = false OR n.read_at IS NULL)
          AND ($3::uuid IS NULL OR (n.created_at, n.id) <
               (SELECT c.created_at, c.id FROM notification c WHERE c.id = $3 AND c.user_id = $1))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $4`,
      [userId, unreadOnly, after ?? null, first + 1],
    );
    const items = rows.slice(0, first).map(toNotificationModel);
    return {
      items,
      unreadCount: await this.unreadCount(userId),
      nextCursor: rows.length > first ? (items[items.length - 1]?.id ?? null) : null,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return row?.count ?? 0;
  }

  /** Marks the caller's own notifications read (others' ids are ignored); returns the unread left. */
  async markRead(userId: string, ids: readonly string[], all: boolean): Promise<number> {
    if (!all && ids.length === 0) {
      throw commonError(
        'BAD_USER_INPUT',
        'Name the notifications to mark read, or pass all: true.',
      );
    }
    if (ids.length > MARK_READ_MAX) {
      throw commonError(
        'BAD_USER_INPUT',
        `At most ${MARK_READ_MAX} ids at once; pass all: true to mark everything read.`,
      );
    }
    if (ids.some((id) => !UUID.test(id))) {
      throw commonError('BAD_USER_INPUT', 'Each id must be a notification id.');
    }
    await this.dataSource.query(
      `UPDATE notification SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::boolean OR id = ANY($3::uuid[]))`,
      [userId, all, ids],
    );
    return this.unreadCount(userId);
  }

  async one(userId: string, id: string): Promise<NotificationModel | null> {
    const [row] = await this.dataSource.query<Row[]>(
      `${SELECT} WHERE n.id = $1 AND n.user_id = $2`,
      [id, userId],
    );
    return row === undefined ? null : toNotificationModel(row);
  }

  /**
   * The viewer's own new notifications, live. The socket server re-checks the session before each
   * event (graphql-ws checkEachEvent), so a signed-out user stops receiving at once.
   */
  events(userId: string): AsyncIterableIterator<{ notificationAdded: NotificationModel }> {
    const source = this.live.subscribe({ type: 'notificationAdded', userId });
    const next = async (): Promise<IteratorResult<{ notificationAdded: NotificationModel }>> => {
      for (;;) {
        const item = await source.next();
        if (item.done === true) return { value: undefined, done: true };
        const model = await this.one(userId, item.value.notificationId);
        if (model !== null) return { value: { notificationAdded: model }, done: false };
      }
    };
    return {
      next,
      return: async () => {
        await source.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
