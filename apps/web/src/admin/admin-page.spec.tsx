import { screen, within } from '@testing-library/react';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { AdminPage } from './admin-page';
import { adminPanelsFor } from './admin-panels';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function project(actions: string[], canJoin = false) {
  return {
    id: 'p1',
    slug: 'shop',
    name: 'Shop',
    sourceLocale: 'en',
    open: canJoin,
    helpWantedLocales: [],
    viewerCan: { actions, managedLocales: [], roles: [], joinedLocales: [], canJoin },
    goals: [],
  };
}

async function renderAdmin(actions: string[], canJoin = false) {
  const mock = graphqlFetch({
    Me: () => ({ me: ME }),
    Health: () => ({ health: HEALTH }),
    ProjectAccess: () => ({ project: project(actions, canJoin) }),
    LocaleStats: () => ({
      localeStats: [
        { locale: 'pl', total: 3, untranslated: 3, voting: 0, decided: 0, stale: 0, coverage: 0 },
      ],
    }),
  });
  globalThis.fetch = mock.fetch;
  await renderApp(<AdminPage slug="shop" />, '/projects/shop/admin');
  await screen.findByRole('heading', { level: 1 });
  return mock;
}

describe('the admin page follows the permission table', () => {
  it('offers a non-member no editable form, only joining when the project is open', async () => {
    await renderAdmin(['translation.submit', 'vote.cast'], true);
    const nothing = await screen.findByTestId('admin-nothing');
    expect(within(nothing).getByText(/no administration tools/)).toBeTruthy();
    const join = await screen.findByRole<HTMLButtonElement>('button', {
      name: 'Join as a translator for pl',
    });
    expect(join.disabled).toBe(false);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'Members' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Open call' })).toBeNull();
  });

  it('shows a visitor of a closed project nothing to press at all', async () => {
    await renderAdmin([]);
    await screen.findByTestId('admin-nothing');
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it("shows an owner's panels, including the open call and invite links", async () => {
    await renderAdmin(['project.update', 'member.manage', 'locale.add', 'catalogue.import']);
    expect(await screen.findByRole('heading', { name: 'Open call' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Invite links' })).toBeTruthy();
    expect(screen.queryByTestId('admin-nothing')).toBeNull();
  });
});

describe('adminPanelsFor', () => {
  it('maps each panel to the action it needs', () => {
    expect(adminPanelsFor([])).toEqual([]);
    expect(adminPanelsFor(['translation.submit', 'vote.cast', 'member.view'])).toEqual([]);
    expect(adminPanelsFor(['candidate.approve', 'candidate.reject', 'abuse.view'])).toEqual([
      'decisions',
      'moderation',
      'flaggedAccounts',
    ]);
    expect(adminPanelsFor(['translations.import'])).toEqual(['catalogue']);
    expect(adminPanelsFor(['token.manage', 'webhook.manage'])).toEqual(['tokens', 'webhooks']);
  });
});
