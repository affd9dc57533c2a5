import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ProjectAccess } from '../api/open-call-operations';
import { makeAccess, makeCandidate, makeCandidateList, makeString } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { VotePage } from '../vote/vote-page';
import { TranslatePage } from '../workspace/translate-page';
import { ReadOnlyNotice } from './read-only-notice';

jest.mock('../subscriptions', () => ({ subscribe: () => () => undefined }));

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const READER = { actions: ['discussion.read'], roles: [], joinedLocales: [] };
const PL_STATS = {
  locale: 'pl',
  total: 1,
  untranslated: 1,
  voting: 0,
  decided: 0,
  stale: 0,
  coverage: 0,
};

function setup(access: () => ProjectAccess) {
  const mock = graphqlFetch({
    Status: () => ({ health: HEALTH, me: ME }),
    ProjectAccess: () => ({ project: access() }),
    NextString: () => ({ nextString: makeString() }),
    OneString: () => ({ string: makeString() }),
    Suggestions: () => ({ suggestions: [] }),
    Candidates: () => ({
      candidates: makeCandidateList({
        candidates: [makeCandidate({ id: 'c1', forms: [{ category: '', text: 'Cześć' }] })],
        round: null,
      }),
    }),
    Strings: () => ({
      strings: {
        totalCount: 1,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [{ cursor: 'x', node: makeString() }],
      },
    }),
    StringPage: () => ({
      strings: {
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [{ cursor: 'x', node: makeString() }],
      },
    }),
    LocaleStats: () => ({ localeStats: [PL_STATS, { ...PL_STATS, locale: 'de' }] }),
    JoinProject: () => ({ joinProject: { id: 'm1', locale: 'pl' } }),
  });
  globalThis.fetch = mock.fetch;
  return mock;
}

const translate = () =>
  renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');

describe('translate and vote pages offer only what the viewer may do (Project.viewerCan)', () => {
  it('gives a member the editor and no read-only notice', async () => {
    setup(() => makeAccess());
    await translate();
    await screen.findByLabelText('Translation');
    expect(screen.queryByTestId('read-only-notice')).toBeNull();
  });

  it('shows a project-banned user the string read-only, saying until when', async () => {
    const mock = setup(() =>
      makeAccess({ ...READER, banned: true, bannedUntil: '2027-01-31T12:00:00Z' }),
    );
    await translate();
    const notice = await screen.findByTestId('read-only-notice');
    expect(notice.textContent).toMatch(/You are banned from this project until Jan 31, 2027/);
    await screen.findByTestId('source-text');
    expect(screen.queryByLabelText('Translation')).toBeNull();
    expect(screen.queryByRole('button', { name: /Submit and next/ })).toBeNull();
    // The submit shortcut does nothing without a form.
    fireEvent.keyDown(window, { key: 'Enter', code: 'Enter', ctrlKey: true });
    expect(mock.calls.some((c) => c.operation === 'SubmitTranslation')).toBe(false);
  });

  it('says a ban without an end lasts until a manager lifts it', async () => {
    setup(() => makeAccess({ ...READER, banned: true, bannedUntil: null }));
    await translate();
    expect((await screen.findByTestId('read-only-notice')).textContent).toBe(
      'You are banned from this project until a manager lifts the ban. You can still read.',
    );
  });

  it('offers a non-member of an open project to join this locale, then gives the editor in place', async () => {
    let joined = false;
    const mock = setup(() =>
      joined ? makeAccess() : makeAccess({ ...READER, canJoin: true }, { open: true }),
    );
    mock.calls.length = 0;
    await translate();
    const notice = await screen.findByTestId('read-only-notice');
    expect(notice.textContent).toContain('Join this project to translate.');
    // Only this page's locale is offered, not every locale of the project.
    const join = await within(notice).findByRole('button', { name: 'Join as a translator for pl' });
    expect(within(notice).queryByRole('button', { name: /for de/ })).toBeNull();
    joined = true;
    fireEvent.click(join);
    await screen.findByLabelText('Translation');
    expect(screen.queryByTestId('read-only-notice')).toBeNull();
    expect(window.location.pathname).toBe('/projects/demo/pl/translate');
    expect(mock.calls.find((c) => c.operation === 'JoinProject')?.variables).toEqual({
      project: 'demo',
      locale: 'pl',
    });
  });

  it('tells a non-member of a closed project that only members translate', async () => {
    setup(() => makeAccess(READER));
    await translate();
    expect((await screen.findByTestId('read-only-notice')).textContent).toBe(
      'Only members of this project translate here. Ask an owner for an invite link.',
    );
    expect(screen.queryByLabelText('Translation')).toBeNull();
  });

  it('shows the candidates without vote buttons to someone who may not vote', async () => {
    setup(() => makeAccess({ ...READER, banned: true, bannedUntil: '2027-01-31T12:00:00Z' }));
    await renderApp(<VotePage slug="demo" locale="pl" />, '/projects/demo/pl/vote?string=s1');
    const card = await screen.findByTestId('candidate');
    expect(card.textContent).toContain('Cześć');
    expect(within(card).queryByRole('button', { name: /Good/ })).toBeNull();
    expect((await screen.findByTestId('read-only-notice')).textContent).toMatch(
      /banned from this project until Jan 31, 2027/,
    );
  });

  it('gives a voter the vote buttons', async () => {
    setup(() => makeAccess());
    await renderApp(<VotePage slug="demo" locale="pl" />, '/projects/demo/pl/vote?string=s1');
    const card = await screen.findByTestId('candidate');
    expect(await within(card).findByRole('button', { name: /Not good/ })).toBeTruthy();
    expect(screen.queryByTestId('read-only-notice')).toBeNull();
  });

  it('asks a signed-out visitor to sign in or sign up', async () => {
    globalThis.fetch = graphqlFetch({ Status: () => ({ health: HEALTH, me: null }) }).fetch;
    await renderApp(
      <ReadOnlyNotice
        access={makeAccess({ actions: [] })}
        kind="vote"
        locale="pl"
        onJoined={() => undefined}
      />,
    );
    const notice = await screen.findByTestId('read-only-notice');
    await waitFor(() => expect(notice.textContent).toContain('Sign in to vote in this project.'));
    expect(within(notice).getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe(
      '/sign-up',
    );
  });
});
