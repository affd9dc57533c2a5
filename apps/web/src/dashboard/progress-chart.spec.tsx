import { screen } from '@testing-library/react';
import { ProjectDashboardPage } from '../pages/project-dashboard-page';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

it('draws per-locale progress as SVG bars whose accessible name carries the numbers', async () => {
  globalThis.fetch = graphqlFetch({
    Status: () => ({ health: HEALTH, me: ME }),
    Project: () => ({
      project: { id: 'p', slug: 'demo', name: 'Demo', sourceLocale: 'en', visibility: 'public' },
    }),
    LocaleStats: () => ({
      localeStats: [
        { locale: 'pl', total: 10, untranslated: 5, voting: 2, decided: 3, stale: 0, coverage: 30 },
        { locale: 'de', total: 10, untranslated: 10, voting: 0, decided: 0, stale: 0, coverage: 0 },
      ],
    }),
    Leaderboard: () => ({
      leaderboard: [
        {
          user: { id: 'u', displayName: 'Ala' },
          accepted: 3,
          agree: 4,
          disagree: 1,
          reliability: 0.8,
          badges: [],
        },
      ],
    }),
  }).fetch;
  await renderApp(<ProjectDashboardPage slug="demo" />, '/projects/demo');
  const pl = await screen.findByRole('img', {
    name: 'pl: 3 decided, 2 in voting, 0 stale, 5 untranslated of 10 strings (30% decided)',
  });
  const widths = Object.fromEntries(
    Array.from(pl.querySelectorAll('rect[data-segment]')).map((r) => [
      r.getAttribute('data-segment'),
      Number(r.getAttribute('width')),
    ]),
  );
  expect(widths).toEqual({ decided: 90, voting: 60, stale: 0, untranslated: 150 });
  expect(
    screen.getByRole('link', { name: 'Translate (5 strings left)' }).getAttribute('href'),
  ).toBe('/projects/demo/pl/translate');
  expect((await screen.findByRole('rowheader', { name: 'Ala' })).textContent).toBe('Ala');
});
