import { act, fireEvent, screen, within } from '@testing-library/react';
import type { CandidateList, Round } from '../api/types';
import { makeCandidate, makeCandidateList, makeString } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp, COUNTING_REQUESTS } from '../testing/render-app';
import { VotePanel } from './vote-panel';

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

const BLIND = makeCandidateList({
  candidates: [
    makeCandidate({ id: 'c1', forms: [{ category: '', text: 'Cześć {{name}}' }] }),
    makeCandidate({ id: 'c2', forms: [{ category: '', text: 'Witaj {{name}}' }] }),
  ],
  round: null,
});

const ROUND: Round = {
  id: 'r1',
  number: 1,
  state: 'COLLECTING',
  collectingSince: '2026-01-01T00:00:00Z',
  duration: 10_000,
  deadline: '2026-01-01T00:00:10Z',
  closedAt: null,
  reasons: [],
  decision: null,
  needsDecision: null,
};

const REVEALED: CandidateList = {
  ...BLIND,
  hasVoted: true,
  round: ROUND,
  candidates: [
    makeCandidate({
      id: 'c1',
      forms: [{ category: '', text: 'Cześć {{name}}' }],
      myVote: 1,
      author: { id: 'a', displayName: 'Ala' },
      tally: { wPlus: 2.5, wMinus: 0, upvoters: 3, downvoters: 0, score: 0.61, upperBound: 0.9 },
    }),
    makeCandidate({
      id: 'c2',
      forms: [{ category: '', text: 'Witaj {{name}}' }],
      author: { id: 'b', displayName: 'Bob' },
      tally: { wPlus: 0.2, wMinus: 1, upvoters: 1, downvoters: 2, score: 0.05, upperBound: 0.4 },
    }),
  ],
};

function setup(initial: CandidateList) {
  let list = initial;
  const mock = graphqlFetch({
    Status: () => ({ health: HEALTH, me: ME }),
    OneString: () => ({ string: makeString() }),
    Candidates: () => ({ candidates: list }),
    CastVote: () => {
      list = REVEALED;
      return { castVote: REVEALED };
    },
  });
  globalThis.fetch = mock.fetch;
  return { mock, setList: (next: CandidateList) => (list = next) };
}

/**
 * Serves `mock` but holds the second Candidates request (the live refetch) until `release()`;
 * `candidateRequests()` counts them.
 */
function holdSecondCandidates(mock: { fetch: typeof fetch }) {
  let release: (() => void) | null = null;
  let candidateRequests = 0;
  globalThis.fetch = ((url: string, init?: { body?: unknown }) => {
    const query = (JSON.parse(String(init?.body)) as { query: string }).query;
    if (/query Candidates/.test(query) && ++candidateRequests === 2)
      return new Promise<Response>((resolve) => {
        release = () => resolve(mock.fetch(url, init as RequestInit));
      });
    return mock.fetch(url, init as RequestInit);
  }) as typeof fetch;
  return {
    candidateRequests: () => candidateRequests,
    release: () => (release as (() => void) | null)?.(),
  };
}

describe('vote panel', () => {
  it('shows candidates side by side without authors, tallies or placeholders until the voter votes', async () => {
    setup(BLIND);
    await renderApp(<VotePanel project="demo" locale="pl" stringId="s1" />);
    const cards = await screen.findAllByTestId('candidate');
    expect(cards).toHaveLength(2);
    expect(screen.queryByTestId('candidate-author')).toBeNull();
    expect(screen.queryByTestId('candidate-tally')).toBeNull();
    expect(screen.queryByTestId('round-status')).toBeNull();
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/By |score|up,|hidden|\?\?\?/);
    expect(text).toContain('Vote first');
  });

  it('after an upvote reveals authors, tallies, the round state and deadline', async () => {
    const { mock } = setup(BLIND);
    await renderApp(<VotePanel project="demo" locale="pl" stringId="s1" />);
    const first = (await screen.findAllByTestId('candidate'))[0];
    if (first === undefined) throw new Error('no card');
    fireEvent.click(within(first).getByRole('button', { name: /Good/ }));
    expect((await screen.findAllByTestId('candidate-author')).map((e) => e.textContent)).toEqual([
      'By Ala',
      'By Bob',
    ]);
    expect(screen.getAllByTestId('candidate-tally')[0]?.textContent).toBe(
      '3 up, 0 down · score 0.61',
    );
    expect(screen.getByTestId('round-status').textContent).toMatch(
      /^Round 1: collecting votes · rounds last 10 seconds · ends .*\(/,
    );
    expect(within(first).getByRole('button', { name: /Good/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(mock.calls.find((c) => c.operation === 'CastVote')?.variables).toEqual({
      candidateId: 'c1',
      value: 1,
    });
  });

  it('shows "why this won" live when the round is decided, without a reload', async () => {
    const { setList } = setup(REVEALED);
    await renderApp(<VotePanel project="demo" locale="pl" stringId="s1" />, '/', COUNTING_REQUESTS);
    await screen.findAllByTestId('candidate-author');
    expect(screen.queryByTestId('why-this-won')).toBeNull();
    setList({
      ...REVEALED,
      round: {
        ...ROUND,
        state: 'DECIDED',
        closedAt: '2026-01-01T00:00:11Z',
        decision: {
          decided: true,
          winnerId: 'c1',
          reasons: [],
          summary:
            'Chosen with score 0.61 from 3 upvote(s) and 0 downvote(s), 0.56 ahead of the next.',
          approval: null,
          candidates: [
            {
              candidateId: 'c2',
              wPlus: 0.2,
              wMinus: 1,
              score: 0.05,
              upperBound: 0.4,
              upvoters: 1,
              downvoters: 2,
              rank: 2,
              winner: false,
            },
            {
              candidateId: 'c1',
              wPlus: 2.5,
              wMinus: 0,
              score: 0.61,
              upperBound: 0.9,
              upvoters: 3,
              downvoters: 0,
              rank: 1,
              winner: true,
            },
          ],
        },
      },
    });
    // The string's own topic says it was decided: the page does not follow every decision of
    // the locale to find its own.
    expect(listeners.map((l) => l.variables)).toEqual([{ stringId: 's1', locale: 'pl' }]);
    const updated = listeners.find((l) => l.query.includes('stringUpdated'));
    await act(async () => {
      updated?.onData({ stringUpdated: { id: 's1' } });
      await Promise.resolve();
    });
    const why = await screen.findByTestId('why-this-won');
    expect(why.textContent).toContain('Why this won');
    // Said once, in the UI language (not the API's English summary), and the weights in words.
    expect(why.textContent).toContain('Chosen by vote: score 0.61, 0.56 ahead of the next.');
    expect(why.textContent).not.toContain('Chosen with score');
    expect(within(why).getByTestId('weights-in-words').textContent).toContain(
      'Translation 1: 3 upvotes count as 2.50 together.',
    );
    const rows = within(why).getAllByRole('row');
    expect(rows[1]?.textContent).toMatch(/^1 ✓ winnerCześć \{\{name\}\}/);
    expect(screen.getByTestId('round-status').textContent).toMatch(
      /decided · rounds last 10 seconds · closed/,
    );
  });

  it('stays revealed while the live refetch after its own vote is on its way (no blind flicker)', async () => {
    let list = BLIND;
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      OneString: () => ({ string: makeString() }),
      Candidates: () => ({ candidates: list }),
      CastVote: () => {
        list = REVEALED;
        return { castVote: REVEALED };
      },
    });
    // The second Candidates request (the refetch the vote's own live event asks for) is held.
    const held = holdSecondCandidates(mock);
    await renderApp(<VotePanel project="demo" locale="pl" stringId="s1" />, '/', COUNTING_REQUESTS);
    const first = (await screen.findAllByTestId('candidate'))[0];
    if (first === undefined) throw new Error('no card');
    fireEvent.click(within(first).getByRole('button', { name: /Good/ }));
    await screen.findAllByTestId('candidate-author');

    const updated = listeners.find((l) => l.query.includes('stringUpdated'));
    expect(updated?.variables).toEqual({ stringId: 's1', locale: 'pl' });
    await act(async () => {
      updated?.onData({ stringUpdated: { id: 's1' } });
      await Promise.resolve();
    });
    expect(held.candidateRequests()).toBe(2);
    expect(screen.getAllByTestId('candidate-author')).toHaveLength(2);
    expect(screen.queryByText(/^Vote first/)).toBeNull();
    await act(async () => {
      held.release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getAllByTestId('candidate-author')).toHaveLength(2);
  });
});

describe('vote panel, live', () => {
  it('turns a burst of changes into one read at a time, not one per change', async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      OneString: () => ({ string: makeString() }),
      Candidates: () => ({ candidates: REVEALED }),
    });
    const held = holdSecondCandidates(mock);
    const { unmount } = await renderApp(
      <VotePanel project="demo" locale="pl" stringId="s1" />,
      '/',
      COUNTING_REQUESTS,
    );
    await screen.findAllByTestId('candidate-author');
    const updated = listeners.find((l) => l.query.includes('stringUpdated'));
    // Twenty votes land on a popular string within a moment.
    await act(async () => {
      for (let i = 0; i < 20; i += 1) updated?.onData({ stringUpdated: { id: 's1' } });
      await Promise.resolve();
    });
    expect(held.candidateRequests()).toBe(2);
    await act(async () => {
      held.release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    // The changes seen meanwhile wait for the spacing (LIVE_REFRESH_SPACING_MS), as one read.
    expect(held.candidateRequests()).toBe(2);
    unmount();
  });
});
