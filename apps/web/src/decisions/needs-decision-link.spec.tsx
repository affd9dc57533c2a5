import { screen } from '@testing-library/react';
import { HEALTH, ME, graphqlFetch, renderApp, COUNTING_REQUESTS } from '../testing/render-app';
import { DecisionsAdminPanel } from './decisions-admin-panel';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function setup(managed: string[], counts: Record<string, { n: number; more: boolean }>) {
  const mock = graphqlFetch({
    Status: () => ({ health: HEALTH, me: ME }),
    ManagedLocales: () => ({ project: { viewerCan: { managedLocales: managed } } }),
    NeedsDecisionQueue: (v) => {
      const c = counts[String(v['locale'])] ?? { n: 0, more: false };
      return {
        needsDecision: {
          items: Array.from({ length: c.n }, (_, i) => ({
            stringId: `s${i}`,
            key: `k${i}`,
            locale: String(v['locale']),
            roundId: `r${i}`,
            needsDecision: { reasons: [], extendedUntil: null },
          })),
          nextCursor: c.more ? 'next' : null,
        },
      };
    },
  });
  globalThis.fetch = mock.fetch;
  return mock;
}

describe('links into the needs-a-decision queue', () => {
  it('counts the strings waiting in each locale the viewer manages, and links to the page', async () => {
    const mock = setup(['de', 'pl'], { de: { n: 1, more: false }, pl: { n: 100, more: true } });
    await renderApp(<DecisionsAdminPanel project="demo" />, '/', COUNTING_REQUESTS);
    // A generous guard only (two queries resolve on a loaded machine); nothing waits on time.
    const de = await screen.findByRole(
      'link',
      { name: '1 string needs a decision' },
      { timeout: 10_000 },
    );
    expect(de.getAttribute('href')).toBe('/projects/demo/de/decisions');
    const pl = await screen.findByRole('link', { name: '100 strings need a decision+' });
    expect(pl.getAttribute('href')).toBe('/projects/demo/pl/decisions');
    expect(mock.calls.filter((c) => c.operation === 'NeedsDecisionQueue')).toHaveLength(2);
  });

  it('shows nothing, and asks for no queue, where the viewer decides nowhere', async () => {
    const mock = setup([], {});
    const { container } = await renderApp(<DecisionsAdminPanel project="demo" />);
    await screen.findByText((_, el) => el === container);
    expect(container.textContent).toBe('');
    expect(mock.calls.some((c) => c.operation === 'NeedsDecisionQueue')).toBe(false);
  });
});
