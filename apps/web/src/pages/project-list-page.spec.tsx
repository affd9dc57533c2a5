import { fireEvent, screen } from '@testing-library/react';
import { PROJECTS_PAGE } from '../api/project-operations';
import { HEALTH, graphqlFetch, renderApp, COUNTING_REQUESTS } from '../testing/render-app';
import { ProjectListPage } from './project-list-page';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function project(n: number) {
  const slug = `p-${String(n).padStart(3, '0')}`;
  return { id: slug, slug, name: `Project ${n}`, sourceLocale: 'en', visibility: 'public' };
}

describe('project list', () => {
  it('shows a page of projects and, when it is full, the next one on "More projects"', async () => {
    const all = Array.from({ length: PROJECTS_PAGE + 3 }, (_, i) => project(i));
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: null }),
      Projects: (variables) => {
        const after = variables['after'] ?? null;
        const start = after === null ? 0 : all.findIndex((p) => p.slug === after) + 1;
        return { projects: all.slice(start, start + PROJECTS_PAGE) };
      },
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<ProjectListPage />, '/', COUNTING_REQUESTS);
    expect(await screen.findByText('Project 0')).toBeTruthy();
    expect(screen.queryByText(`Project ${PROJECTS_PAGE}`)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'More projects' }));
    expect(await screen.findByText(`Project ${PROJECTS_PAGE + 2}`)).toBeTruthy();
    // The last page is short: nothing more to ask for.
    expect(screen.queryByRole('button', { name: 'More projects' })).toBeNull();
    expect(mock.calls.filter((c) => c.operation === 'Projects').map((c) => c.variables)).toEqual([
      { after: null },
      { after: all[PROJECTS_PAGE - 1]?.slug },
    ]);
  });

  it('says so when there is no project', async () => {
    globalThis.fetch = graphqlFetch({
      Status: () => ({ health: HEALTH, me: null }),
      Projects: () => ({ projects: [] }),
    }).fetch;
    await renderApp(<ProjectListPage />);
    expect(await screen.findByText('No projects yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'More projects' })).toBeNull();
  });
});
