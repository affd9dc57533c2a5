import { act, fireEvent, screen } from '@testing-library/react';
import type { AppNotification } from '../api/notification-operations';
import { graphqlFetch, renderApp } from '../testing/render-app';
import { NotificationBell } from './notification-bell';

type Listener = (data: unknown) => void;
const listeners: { query: string; onData: Listener }[] = [];
jest.mock('../subscriptions', () => ({
  subscribe: (doc: { query: string }, _variables: unknown, onData: Listener) => {
    listeners.push({ query: doc.query, onData });
    return () => undefined;
  },
}));

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  listeners.length = 0;
});

function note(overrides: Partial<AppNotification>): AppNotification {
  return {
    id: 'n1',
    kind: 'CANDIDATE_WON',
    createdAt: '2026-12-01T10:00:00Z',
    read: false,
    projectSlug: 'shop',
    projectName: 'Shop',
    locale: 'pl',
    stringId: 's1',
    stringKey: 'cart.title',
    actorName: null,
    excerpt: 'Koszyk',
    action: null,
    ...overrides,
  };
}

describe('notification bell', () => {
  it('shows the unread count, the list as text, and marks everything read', async () => {
    const mock = graphqlFetch({
      Notifications: () => ({
        notifications: {
          items: [
            note({}),
            note({
              id: 'n2',
              kind: 'MENTION',
              read: true,
              actorName: 'Ada',
              excerpt: '<img src=x onerror=alert(1)> look @Vol',
            }),
          ],
          unreadCount: 1,
          nextCursor: null,
        },
      }),
      MarkNotificationsRead: () => ({ markNotificationsRead: 0 }),
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<NotificationBell />);
    expect((await screen.findByTestId('unread-count')).textContent).toBe('1');
    fireEvent.click(screen.getByTestId('notification-bell'));
    const items = screen.getAllByTestId('notification');
    expect(items.map((i) => i.textContent)).toEqual([
      'Your translation of cart.title (pl) won. “Koszyk”',
      'Ada mentioned you in the discussion of cart.title. “<img src=x onerror=alert(1)> look @Vol”',
    ]);
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe(
      '/projects/shop/pl/vote?string=s1',
    );
    // User text stays text: no element was made from it.
    expect(document.querySelector('.notification-panel img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByTestId('unread-count')).toBeNull();
    expect(mock.calls.find((c) => c.operation === 'MarkNotificationsRead')?.variables).toEqual({
      all: true,
    });
  });

  it('adds live notifications and counts them', async () => {
    globalThis.fetch = graphqlFetch({
      Notifications: () => ({ notifications: { items: [], unreadCount: 0, nextCursor: null } }),
    }).fetch;
    await renderApp(<NotificationBell />);
    await screen.findByTestId('notification-bell');
    expect(screen.queryByTestId('unread-count')).toBeNull();
    const live = listeners.find((l) => l.query.includes('notificationAdded'));
    if (live === undefined) throw new Error('no notificationAdded subscription');
    act(() => live.onData({ notificationAdded: note({ id: 'n9', kind: 'CANDIDATE_LOST' }) }));
    act(() => live.onData({ notificationAdded: note({ id: 'n9', kind: 'CANDIDATE_LOST' }) }));
    expect(screen.getByTestId('unread-count').textContent).toBe('1');
    fireEvent.click(screen.getByTestId('notification-bell'));
    expect(screen.getByTestId('notification').textContent).toContain(
      'Another translation of cart.title (pl) won this round.',
    );
  });
});
