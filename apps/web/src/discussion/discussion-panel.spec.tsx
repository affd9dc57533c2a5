import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DiscussionRights, StringDiscussion } from '../api/discussion-operations';
import { graphqlFetch, renderApp } from '../testing/render-app';
import { DiscussionPanel } from './discussion-panel';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const NONE: DiscussionRights = {
  post: false,
  answerSource: false,
  answerLocale: false,
  markIssue: false,
};

const comment = (id: string, authorName: string, body: string, official = false) => ({
  id,
  body,
  authorName,
  createdAt: '2026-12-01T10:00:00Z',
  official,
  mentions: [],
});

const ANSWERED: StringDiscussion = {
  viewer: NONE,
  threads: [
    {
      id: 't1',
      locale: null,
      sourceIssue: false,
      commentCount: 2,
      officialAnswer: comment('c2', 'Dev', 'An unsent message.', true),
      comments: [
        comment('c1', 'Vol', 'What does <b>Draft</b> mean?'),
        comment('c2', 'Dev', 'An unsent message.', true),
      ],
    },
    {
      id: 't2',
      locale: 'pl',
      sourceIssue: false,
      commentCount: 1,
      officialAnswer: null,
      comments: [comment('c3', 'Ala', 'Szkic?')],
    },
  ],
};

describe('discussion panel', () => {
  it('shows the official answer first, comments as text, and no controls to a reader', async () => {
    globalThis.fetch = graphqlFetch({
      StringDiscussion: () => ({ stringDiscussion: ANSWERED }),
    }).fetch;
    await renderApp(<DiscussionPanel stringId="s1" locale="pl" />);
    const answer = await screen.findByTestId('official-answer');
    expect(answer.textContent).toContain('Official answer by Dev: An unsent message.');
    expect(answer.textContent).toContain('What does <b>Draft</b> mean?');
    expect(document.querySelector('.discussion-panel b')).toBeNull();
    expect(screen.getAllByTestId('thread')).toHaveLength(2);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lets a developer answer officially, flag a source issue and ask', async () => {
    let data: StringDiscussion = {
      ...ANSWERED,
      viewer: { post: true, answerSource: true, answerLocale: false, markIssue: true },
    };
    const mock = graphqlFetch({
      StringDiscussion: () => ({ stringDiscussion: data }),
      MarkOfficialAnswer: () => ({ markOfficialAnswer: 't1' }),
      MarkSourceIssue: () => {
        data = { ...data, threads: [{ ...data.threads[0]!, sourceIssue: true }, data.threads[1]!] };
        return { markSourceIssue: 't1' };
      },
      StartThread: () => ({ startThread: { threadId: 't3' } }),
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<DiscussionPanel stringId="s1" locale="pl" />);
    const [source, polish] = await screen.findAllByTestId('thread');
    // Official answers in the pl thread need a pl manager: not offered to this viewer.
    expect(within(polish!).queryByRole('button', { name: /official/ })).toBeNull();
    fireEvent.click(within(source!).getByRole('button', { name: 'No longer the official answer' }));
    fireEvent.click(
      within(source!).getByRole('button', { name: 'Flag as a source issue for the developers' }),
    );
    expect(await screen.findByText('Source issue', { exact: false })).toBeTruthy();
    expect(mock.calls.find((c) => c.operation === 'MarkOfficialAnswer')?.variables).toEqual({
      commentId: 'c2',
      official: false,
    });

    const box = screen.getByLabelText('Start a discussion');
    fireEvent.change(box, { target: { value: 'x'.repeat(2_001) } });
    expect(screen.getByText('2001 of 2000 characters')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Send' }).at(-1)!);
    expect(mock.calls.some((c) => c.operation === 'StartThread')).toBe(false);
    fireEvent.change(box, { target: { value: 'Is "Draft" a noun here?' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Send' }).at(-1)!);
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
    expect(mock.calls.find((c) => c.operation === 'StartThread')?.variables).toEqual({
      input: { stringId: 's1', locale: null, body: 'Is "Draft" a noun here?' },
    });
  });
});
