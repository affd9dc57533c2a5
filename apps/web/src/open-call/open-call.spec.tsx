import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { Badge } from './badge';
import { NeedYouPage } from './need-you-page';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('badges', () => {
  it('shows an icon and words, never the code, and says what earned it', async () => {
    await renderApp(<Badge code="FIRST_WIN" />);
    const badge = await screen.findByText('First win');
    expect(badge.closest('.badge')?.getAttribute('title')).toBe(
      'A translation of theirs won its round',
    );
    expect(screen.queryByText(/FIRST_WIN/)).toBeNull();
  });
});

describe('projects that need you', () => {
  it('lists what each locale misses and joins in one click, then opens the workspace', async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      MyLanguages: () => ({ me: { languages: ['pl'] } }),
      ProjectsThatNeedYou: () => ({
        projectsThatNeedYou: {
          items: [
            {
              project: { slug: 'shop', name: 'Shop' },
              locales: [
                {
                  locale: 'pl',
                  total: 10,
                  untranslated: 4,
                  voting: 3,
                  needsDecision: 1,
                  helpWanted: true,
                  goal: null,
                },
              ],
            },
          ],
          endCursor: null,
        },
      }),
      JoinProject: () => ({ joinProject: { id: 'm1', locale: 'pl' } }),
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<NeedYouPage />, '/need-you');
    await screen.findByText(/4 untranslated, 3 in voting, 1 need a decision \(of 10\)/);
    expect(screen.getByText('help wanted')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Join as a translator for pl' }));
    await waitFor(() => expect(window.location.pathname).toBe('/projects/shop/pl/translate'));
    expect(mock.calls.find((c) => c.operation === 'JoinProject')?.variables).toEqual({
      project: 'shop',
      locale: 'pl',
    });
  });
});
