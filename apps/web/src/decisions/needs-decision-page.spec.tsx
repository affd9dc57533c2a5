import { act, fireEvent, screen, within } from '@testing-library/react';
import type { NeedsDecisionEntry } from '../api/voting-operations';
import { makeCandidate, makeCandidateList } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { NeedsDecisionPage } from './needs-decision-page';

type Listener = (data: unknown) => void;
const listeners: { query: string; variables: unknown; onData: Listener }[] = [];
jest.mock('../subscriptions', () => ({
  subscribe: (doc: { query: string }, variables: unknown, onData: Listener) => {
    listeners.push({ query: doc.query, variables, onData });
    return () => undefined;
  },
}));

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  listeners.length = 0;
});

const entry = (n: number, extendedUntil: string | null = null): NeedsDecisionEntry => ({
  stringId: `s${n}`,
  key: `key${n}`,
  locale: 'pl',
  roundId: `r${n}`,
  needsDecision: { reasons: ['QUORUM'], extendedUntil },
});

function setup(pages: NeedsDecisionEntry[][]) {
  let queue = pages;
  const mock = graphqlFetch({
    Status: () => ({ health: HEALTH, me: ME }),
    NeedsDecisionQueue: (v) => {
      const index = v['after'] === null ? 0 : 1;
      return {
        needsDecision: {
          items: queue[index] ?? [],
          nextCursor: index === 0 && queue.length > 1 ? 'r1' : null,
        },
      };
    },
    Candidates: (v) => ({
      candidates: makeCandidateList({
        stringId: String(v['stringId']),
        candidates: [
          makeCandidate({
            id: `${String(v['stringId'])}-a`,
            forms: [{ category: '', text: 'Jeden' }],
          }),
          makeCandidate({ id: 'withdrawn', status: 'WITHDRAWN' }),
        ],
      }),
    }),
    ApproveCandidate: () => ({ approveCandidate: { id: 'r1' } }),
  });
  globalThis.fetch = mock.fetch;
  return { mock, setQueue: (next: NeedsDecisionEntry[][]) => (queue = next) };
}

describe('needs a decision page', () => {
  it('lists what was missing and approves with a reason; the string leaves the list at once', async () => {
    const { mock } = setup([[entry(1), entry(2, '2026-12-09T12:00:00Z')]]);
    await renderApp(<NeedsDecisionPage slug="demo" locale="pl" />);
    const items = await screen.findAllByTestId('decision-item');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('The round closed without a decision.');
    expect(items[0]?.textContent).toContain('Not enough people voted.');
    expect(items[1]?.textContent).toContain('Votes can still decide it until Dec 9, 2026');
    const approve = await within(items[0]!).findByRole('button', { name: 'Approve translation 1' });
    // Withdrawn candidates cannot be approved; the button waits for a reason.
    expect(within(items[0]!).getAllByRole('button')).toHaveLength(1);
    expect(approve.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('Reason for your decision'), {
      target: { value: 'matches the glossary' },
    });
    fireEvent.click(approve);
    expect(await screen.findByText('Approved “key1”: it ships with the next bundle.')).toBeTruthy();
    expect(screen.getAllByTestId('decision-item')).toHaveLength(1);
    expect(mock.calls.find((c) => c.operation === 'ApproveCandidate')?.variables).toEqual({
      id: 's1-a',
      reason: 'matches the glossary',
    });
  });

  it('updates live when a round lands in the queue, and pages with "Show more"', async () => {
    const { setQueue } = setup([[entry(1)], [entry(2)]]);
    await renderApp(<NeedsDecisionPage slug="demo" locale="pl" />);
    expect(await screen.findAllByTestId('decision-item')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('key2');
    expect(screen.getAllByTestId('decision-item')).toHaveLength(2);

    const live = listeners.find((l) => l.query.includes('roundNeedsDecision'));
    expect(live?.variables).toEqual({ project: 'demo', locale: 'pl' });
    setQueue([[entry(1), entry(3)]]);
    await act(async () => {
      live?.onData({ roundNeedsDecision: { stringId: 's3', locale: 'pl' } });
      await Promise.resolve();
    });
    await screen.findByText('key3');
  });

  it('says when nothing needs a decision, and shows a refusal as an error', async () => {
    setup([[]]);
    await renderApp(<NeedsDecisionPage slug="demo" locale="pl" />);
    expect((await screen.findByTestId('decisions-empty')).textContent).toBe(
      'Nothing needs a decision.',
    );
    globalThis.fetch = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      NeedsDecisionQueue: () => {
        throw { code: 'FORBIDDEN', message: 'Only language managers of "pl" may do this.' };
      },
    }).fetch;
    await renderApp(<NeedsDecisionPage slug="demo" locale="pl" />);
    expect(await screen.findByText(/Only language managers/)).toBeTruthy();
  });
});
