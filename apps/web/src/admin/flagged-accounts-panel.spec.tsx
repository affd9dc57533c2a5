import { fireEvent, screen, within } from '@testing-library/react';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { FlaggedAccountsPanel } from './flagged-accounts-panel';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const FLAGS = [
  {
    id: 'f1',
    kind: 'NEW_ACCOUNT_BURST',
    evidence: JSON.stringify({
      votes: 5,
      from: Date.UTC(2026, 11, 1, 9),
      to: Date.UTC(2026, 11, 1, 10),
    }),
    detectedAt: '2026-12-02T08:00:00Z',
    reportId: null,
    users: [
      { id: 'a', displayName: 'Ala' },
      { id: 'b', displayName: 'Bob' },
    ],
  },
  {
    id: 'f2',
    kind: 'VOTING_RING_PAIR',
    evidence: JSON.stringify({
      sharedCandidates: 20,
      agreements: 19,
      agreementRate: 0.95,
      crowdAgreementRate: 0.5,
    }),
    detectedAt: '2026-12-02T08:00:00Z',
    reportId: 'rep2',
    users: [
      { id: 'c', displayName: 'Cyd' },
      { id: 'd', displayName: 'Dan' },
    ],
  },
];

describe('flagged accounts panel', () => {
  it('shows evidence in words and dates (never epoch JSON) and dismisses with a reason', async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      FlaggedAccounts: () => ({ flaggedAccounts: FLAGS }),
      DismissAbuseFlag: () => ({ dismissAbuseFlag: true }),
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<FlaggedAccountsPanel project="demo" />);
    fireEvent.change(screen.getByLabelText('Language (optional)'), { target: { value: 'pl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show flagged accounts' }));
    const list = await screen.findByTestId('flagged-accounts');
    const text = list.textContent ?? '';
    expect(text).toContain('New accounts upvoted one translation within a short time.');
    expect(text).toMatch(/5 votes between Dec 1, 2026, \d+:00 [AP]M and Dec 1, 2026/);
    expect(text).toContain('Agreed on 19 of 20 translations they both voted on (95%)');
    expect(text).not.toMatch(/\{|176\d{10}/);
    const first = within(list).getAllByRole('listitem')[0]!;
    const dismiss = within(first).getByRole('button', { name: 'Dismiss: this is honest' });
    expect(dismiss.hasAttribute('disabled')).toBe(true);
    // Ala's flag has no open report any more: no ban button there.
    expect(within(first).queryByRole('button', { name: /^Ban / })).toBeNull();
    fireEvent.change(screen.getByLabelText('Your reason (logged; a banned account is shown it)'), {
      target: { value: 'a class testing the app' },
    });
    fireEvent.click(dismiss);
    expect(await screen.findByText(/^Dismissed\./)).toBeTruthy();
    expect(within(screen.getByTestId('flagged-accounts')).getAllByRole('listitem')).toHaveLength(1);
    expect(mock.calls.find((c) => c.operation === 'DismissAbuseFlag')?.variables).toEqual({
      project: 'demo',
      locale: 'pl',
      id: 'f1',
      reason: 'a class testing the app',
    });
  });

  it("bans the flag's first account from the project through its moderation report", async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      FlaggedAccounts: () => ({ flaggedAccounts: FLAGS }),
      ModerateReport: () => ({ moderateReport: { id: 'rep2', open: false } }),
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<FlaggedAccountsPanel project="demo" />);
    fireEvent.click(screen.getByRole('button', { name: 'Show flagged accounts' }));
    const ban = await screen.findByRole('button', { name: 'Ban Cyd from this project' });
    fireEvent.change(screen.getByLabelText('Your reason (logged; a banned account is shown it)'), {
      target: { value: 'a vote ring' },
    });
    fireEvent.change(screen.getByLabelText('Ban for (days)'), { target: { value: '90' } });
    fireEvent.click(ban);
    expect(await screen.findByText(/^Banned from this project/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ban Cyd from this project' })).toBeNull();
    expect(mock.calls.find((c) => c.operation === 'ModerateReport')?.variables).toEqual({
      input: { reportId: 'rep2', action: 'BAN', reason: 'a vote ring', banDays: 90 },
    });
  });
});
