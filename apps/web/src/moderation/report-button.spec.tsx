import { fireEvent, screen } from '@testing-library/react';
import { makeCandidate } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { CandidateCard } from '../vote/candidate-card';
import { ReportButton } from './report-button';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('report button', () => {
  it('sends a candidate report with the chosen reason and note, then thanks the reporter', async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      ReportCandidate: () => ({ reportCandidate: { id: 'r1' } }),
    });
    globalThis.fetch = mock.fetch;
    await renderApp(
      <ReportButton
        target={{ kind: 'candidate', candidateId: 'c1' }}
        label="Report translation 1"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Report translation 1' }));
    fireEvent.change(screen.getByLabelText('What is wrong?'), { target: { value: 'OFFENSIVE' } });
    const note = screen.getByLabelText('Note for the managers (optional)');
    expect(note.getAttribute('maxlength')).toBe('1000');
    fireEvent.change(note, { target: { value: '<b>rude</b>' } });
    expect(screen.getByText('11 of 1000 characters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText(/the managers will look at your report/)).toBeTruthy();
    expect(mock.calls.find((c) => c.operation === 'ReportCandidate')?.variables).toEqual({
      input: { candidateId: 'c1', reason: 'OFFENSIVE', note: '<b>rude</b>' },
    });
  });

  it("shows the API's refusal (a duplicate report) in place and keeps the form", async () => {
    globalThis.fetch = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      ReportUser: () => {
        throw { code: 'DUPLICATE_REPORT', message: 'You have already reported this.' };
      },
    }).fetch;
    await renderApp(
      <ReportButton
        target={{ kind: 'user', project: 'demo', userId: 'u2', locale: 'pl' }}
        label="Report Bob"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Report Bob' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You have already reported this.');
    expect(screen.getByRole('dialog', { name: 'Report Bob' })).toBeTruthy();
  });

  it('offers to report a revealed author on the vote page, in the shown project and locale', async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      ReportUser: () => ({ reportUser: { id: 'r2' } }),
    });
    globalThis.fetch = mock.fetch;
    const bob = makeCandidate({ id: 'c2', author: { id: 'u2', displayName: 'Bob' } });
    await renderApp(
      <>
        <CandidateCard
          candidate={bob}
          index={1}
          revealed
          busy={false}
          onVote={() => undefined}
          where={{ project: 'demo', locale: 'pl' }}
        />
        <CandidateCard
          candidate={makeCandidate({
            id: 'c3',
            isMine: true,
            author: { id: 'u1', displayName: 'Vol' },
          })}
          index={2}
          revealed
          busy={false}
          onVote={() => undefined}
          where={{ project: 'demo', locale: 'pl' }}
        />
      </>,
    );
    expect(screen.queryByRole('button', { name: 'Report Vol' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Report Bob' }));
    fireEvent.change(screen.getByLabelText('What is wrong?'), { target: { value: 'SPAM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    await screen.findByText(/the managers will look at your report/);
    expect(mock.calls.find((c) => c.operation === 'ReportUser')?.variables).toEqual({
      input: { project: 'demo', userId: 'u2', locale: 'pl', reason: 'SPAM', note: null },
    });
  });
});
