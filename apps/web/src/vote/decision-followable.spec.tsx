import { fireEvent, screen, within } from '@testing-library/react';
import type { Decision, Round } from '../api/types';
import { makeCandidate } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { CandidateCard } from './candidate-card';
import { RoundStatus } from './round-status';
import { WhyThisWon } from './why-this-won';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const ROUND: Round = {
  id: 'r1',
  number: 1,
  state: 'COLLECTING',
  collectingSince: '2026-12-01T12:00:00Z',
  duration: 7 * 24 * 3_600_000,
  deadline: '2026-12-08T12:00:00Z',
  closedAt: null,
  reasons: [],
  decision: null,
  needsDecision: null,
};

const realFetch = globalThis.fetch;
beforeEach(() => {
  globalThis.fetch = graphqlFetch({ Status: () => ({ health: HEALTH, me: ME }) }).fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('round status in human units', () => {
  it('says the round length, the time left and how many more votes it needs', async () => {
    await renderApp(<RoundStatus round={ROUND} votesNeeded={2} now={NOW} />);
    const status = await screen.findByTestId('round-status');
    expect(status.textContent).toMatch(/rounds last 7 days · ends in 6 days \(Dec 8, 2026/);
    expect(screen.getByTestId('round-needs').textContent).toBe('Still needs 2 more votes.');
  });

  it('says the scores decide once the counts are in', async () => {
    await renderApp(<RoundStatus round={ROUND} votesNeeded={0} now={NOW} />);
    expect((await screen.findByTestId('round-needs')).textContent).toMatch(/the scores decide/);
  });

  it('says it waits for a language manager, with what was missing, never a silent extension', async () => {
    const waiting: Round = {
      ...ROUND,
      needsDecision: { reasons: ['QUORUM', 'MIN_VOTES'], extendedUntil: '2026-12-15T12:00:00Z' },
    };
    await renderApp(<RoundStatus round={waiting} votesNeeded={1} now={NOW} />);
    const needs = await screen.findByTestId('round-needs');
    expect(needs.textContent).toMatch(/^Waiting for a language manager/);
    expect(needs.textContent).toContain('until Dec 15, 2026');
    expect(
      within(needs)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Not enough people voted.', 'The leader has too few upvotes.']);
    expect(screen.queryByTestId('round-ends')).toBeNull();
  });
});

describe('your own vote', () => {
  it('shows the pressed state and asks before taking a vote back', async () => {
    const onVote = jest.fn();
    await renderApp(
      <CandidateCard
        candidate={makeCandidate({ myVote: 1 })}
        index={0}
        revealed
        busy={false}
        onVote={onVote}
      />,
    );
    const good = await screen.findByRole('button', { name: /Good/ });
    expect(good.getAttribute('aria-pressed')).toBe('true');
    expect(good.className).toBe('vote-pressed');
    expect(good.textContent).toContain('your vote');
    fireEvent.click(good);
    expect(onVote).not.toHaveBeenCalled();
    expect(screen.getByText('Take back your “Good” vote on Translation 1?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep my vote' }));
    expect(onVote).not.toHaveBeenCalled();
    fireEvent.click(good);
    fireEvent.click(screen.getByRole('button', { name: 'Take it back' }));
    expect(onVote).toHaveBeenCalledWith(1);
    // The other button casts at once.
    fireEvent.click(screen.getByRole('button', { name: /Not good/ }));
    expect(onVote).toHaveBeenLastCalledWith(-1);
  });
});

describe('why this won', () => {
  const row = (candidateId: string, rank: number, up: number, wPlus: number) => ({
    candidateId,
    wPlus,
    wMinus: 0,
    score: 0.6 / rank,
    upperBound: 1,
    upvoters: up,
    downvoters: 0,
    rank,
    winner: rank === 1,
  });
  const candidates = [makeCandidate({ id: 'c1' }), makeCandidate({ id: 'c2' })];

  it('names the manager who decided and why, once', async () => {
    const decision: Decision = {
      decided: true,
      winnerId: 'c2',
      reasons: ['MANAGER_APPROVED'],
      summary: 'A language manager approved this translation.',
      candidates: [row('c2', 1, 0, 0), row('c1', 2, 1, 1)],
      approval: {
        by: { id: 'm', displayName: 'Magda' },
        reason: 'house style',
        at: '2026-12-02T12:00:00Z',
      },
    };
    await renderApp(<WhyThisWon decision={decision} candidates={candidates} />);
    const why = await screen.findByTestId('why-this-won');
    expect(screen.getByTestId('decision-summary').textContent).toBe(
      'Magda, language manager, approved this translation: “house style”',
    );
    expect(why.textContent?.match(/approved/g)).toHaveLength(1);
  });

  it('explains weighted votes in words, and says nothing when every vote counted fully', async () => {
    const weighted: Decision = {
      decided: true,
      winnerId: 'c1',
      reasons: [],
      summary: '',
      candidates: [row('c1', 1, 3, 0.3), row('c2', 2, 1, 1)],
      approval: null,
    };
    const { unmount } = await renderApp(<WhyThisWon decision={weighted} candidates={candidates} />);
    const words = await screen.findByTestId('weights-in-words');
    expect(
      within(words)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Translation 1: 3 upvotes count as 0.30 together.']);
    unmount();
    await renderApp(
      <WhyThisWon
        decision={{ ...weighted, candidates: [row('c1', 1, 3, 3)] }}
        candidates={candidates}
      />,
    );
    await screen.findByTestId('why-this-won');
    expect(screen.queryByTestId('weights-in-words')).toBeNull();
    expect(screen.getByTestId('decision-summary').textContent).toBe('Chosen by vote: score 0.60.');
  });

  it("says when an author's own proposal counted as their upvote (a small team)", async () => {
    const endorsed: Decision = {
      decided: true,
      winnerId: 'c1',
      reasons: [],
      summary: '',
      candidates: [row('c1', 1, 3, 3)],
      approval: null,
    };
    const live = [
      makeCandidate({
        id: 'c1',
        tally: { wPlus: 0.2, wMinus: 0, upvoters: 2, downvoters: 0, score: 0.1, upperBound: 1 },
      }),
    ];
    await renderApp(<WhyThisWon decision={endorsed} candidates={live} />);
    const words = await screen.findByTestId('weights-in-words');
    expect(words.textContent).toContain(
      "Translation 1: its author's own proposal counted as their upvote",
    );
  });
});
