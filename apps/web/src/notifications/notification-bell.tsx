import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MARK_NOTIFICATIONS_READ,
  NOTIFICATION_ADDED,
  NOTIFICATIONS,
  type AppNotification,
} from '../api/notification-operations';
import { errorMessage, request } from '../graphql-client';
import { useRouter } from '../router/router';
import { routePath } from '../router/routes';
import { subscribe } from '../subscriptions';

/** Where a notification leads: the string's vote view, the decision queue, or the project. */
export function notificationHref(n: AppNotification): string | null {
  if (n.projectSlug === null) return null;
  const slug = n.projectSlug;
  if (n.kind === 'ROUND_NEEDS_DECISION' && n.locale !== null)
    return routePath({ name: 'decisions', slug, locale: n.locale });
  if (n.stringId !== null && n.locale !== null)
    return `${routePath({ name: 'vote', slug, locale: n.locale })}?string=${encodeURIComponent(n.stringId)}`;
  return routePath({ name: 'dashboard', slug });
}

interface BellState {
  readonly items: readonly AppNotification[];
  readonly unread: number;
}

/** One notification as a sentence; user text (excerpts, names) goes in as text, never HTML. */
export function NotificationText({ notification: n }: { readonly notification: AppNotification }) {
  const { t } = useTranslation();
  const values = {
    key: n.stringKey ?? '',
    locale: n.locale ?? '',
    actor: n.actorName ?? '',
    project: n.projectName ?? n.projectSlug ?? '',
    action: n.action ?? '',
  };
  return (
    <>
      <span>{t(`notifications.kind.${n.kind}`, values)}</span>
      {n.excerpt !== null && n.excerpt !== '' && (
        <span className="muted notification-excerpt"> “{n.excerpt}”</span>
      )}
    </>
  );
}

function NotificationLink({
  notification,
  onOpen,
}: {
  readonly notification: AppNotification;
  readonly onOpen: () => void;
}) {
  const { navigate } = useRouter();
  const href = notificationHref(notification);
  if (href === null) return <NotificationText notification={notification} />;
  return (
    <a
      href={href}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        onOpen();
        navigate(href);
      }}
    >
      <NotificationText notification={notification} />
    </a>
  );
}

/**
 * The header's bell: the unread count, the latest notifications in a panel, mark read. New ones
 * arrive live over the shared graphql-ws socket (`notificationAdded`, the viewer's own only).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const panelId = useId();
  const [state, setState] = useState<BellState>({ items: [], unread: 0 });
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    request(NOTIFICATIONS).then(
      (data) => {
        if (live)
          setState({ items: data.notifications.items, unread: data.notifications.unreadCount });
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    const stop = subscribe(NOTIFICATION_ADDED, {}, (data) => {
      const added = data.notificationAdded;
      setState((s) =>
        s.items.some((i) => i.id === added.id)
          ? s
          : { items: [added, ...s.items].slice(0, 50), unread: s.unread + (added.read ? 0 : 1) },
      );
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const markAllRead = () => {
    request(MARK_NOTIFICATIONS_READ, { all: true }).then(
      (data) =>
        setState((s) => ({
          items: s.items.map((i) => ({ ...i, read: true })),
          unread: data.markNotificationsRead,
        })),
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  return (
    <div className="notification-bell">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        {t('notifications.bell', { count: state.unread })}
        {state.unread > 0 && (
          <span className="badge" data-testid="unread-count">
            {state.unread}
          </span>
        )}
      </button>
      {open && (
        <section
          id={panelId}
          className="notification-panel card"
          aria-label={t('notifications.title')}
        >
          {error !== null && <p role="alert">{error}</p>}
          {state.items.length === 0 ? (
            <p className="muted">{t('notifications.empty')}</p>
          ) : (
            <ul className="notification-list">
              {state.items.map((n) => (
                <li
                  key={n.id}
                  className={n.read ? 'notification' : 'notification unread'}
                  data-testid="notification"
                >
                  <NotificationLink notification={n} onOpen={() => setOpen(false)} />
                </li>
              ))}
            </ul>
          )}
          {state.unread > 0 && (
            <button type="button" onClick={markAllRead}>
              {t('notifications.markAllRead')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
