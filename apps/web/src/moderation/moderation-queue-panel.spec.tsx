import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ModerationReport } from '../api/moderation-operations';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { ModerationQueuePanel } from './moderation-queue-panel';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const ON_CANDIDATE: ModerationReport = {
  id: 'r1',
  locale: 'pl',
  target: 'CANDIDATE',
  reason: 'OFFENSIVE',
  note: '<img src=x onerror=alert(1)>',
  reporter: { id: 'u3', displayName: 'Ala' },
  targetUser: { id: 'u2', displayName: 'Bob' },
  candidate: {
    id: 'c1',
    stringId: 's1',
    key: 'hello',
    text: 'Cześć <b>głupku</b>',
    hidden: false,
    status: 'ACTIVE',
  },
  abuseKind: null,
  openReportsOnTarget: 2,
  open: true,
  createdAt: '2026-01-01T00:00:00Z',
};

const BY_SCAN: ModerationReport = {
  ...ON_CANDIDATE,
  id: 'r2',
  locale: null,
  target: 'USER',
  reason: 'ABUSE_SCAN',
  note: null,
  reporter: null,
  candidate: null,
  abuseKind: 'VOTING_RING_PAIR',
  openReportsOnTarget: 1,
};

describe('moderation queue panel', () => {
  it('lists reports as text, offers only the actions that apply, and acts with a reason', async () => {
    let items = [ON_CANDIDATE, BY_SCAN];
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      ModerationQueue: () => ({ moderationQueue: { items, nextCursor: null } }),
      ModerateReport: () => {
        items = [BY_SCAN];
        return { moderateReport: { id: 'r1', open: false } };
      },
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<ModerationQueuePanel project="demo" />);
    fireEvent.change(screen.getByLabelText(/^Language/), { target: { value: 'pl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show reports' }));
    const [first, second] = await screen.findAllByTestId('moderation-report');
    if (first === undefined || second === undefined) throw new Error('two reports expected');
    // User text stays text: no element is made from the note or the candidate.
    expect(first.querySelector('img, b')).toBeNull();
    expect(within(first).getByTestId('reported-text').textContent).toBe('Cześć <b>głupku</b>');
    expect(first.textContent).toContain('reported by Ala');
    expect(first.textContent).toContain('2 reports');
    expect(second.textContent).toContain('found by the abuse scan (VOTING_RING_PAIR)');
    expect(within(second).queryByRole('button', { name: 'Hide translation' })).toBeNull();

    const hide = within(first).getByRole('button', { name: 'Hide translation' });
    expect((hide as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(first).getByLabelText(/^Reason for your action/), {
      target: { value: 'insult' },
    });
    fireEvent.click(hide);
    await waitFor(() => expect(screen.getAllByTestId('moderation-report')).toHaveLength(1));
    expect(mock.calls.find((c) => c.operation === 'ModerateReport')?.variables).toEqual({
      input: { reportId: 'r1', action: 'HIDE', reason: 'insult', banDays: null },
    });
    expect(mock.calls.filter((c) => c.operation === 'ModerationQueue')[0]?.variables).toEqual({
      project: 'demo',
      locale: 'pl',
      after: null,
      first: 20,
    });
  });
});
