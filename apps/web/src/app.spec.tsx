import { fireEvent, screen } from '@testing-library/react';
import { App } from './app';
import { HEALTH, ME, graphqlFetch, renderApp } from './testing/render-app';

const PROJECT = {
  id: 'p1',
  slug: 'demo',
  name: 'Demo app',
  sourceLocale: 'en',
  visibility: 'public',
};
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('App shell', () => {
  it('shows a visitor the projects and links to sign in and sign up', async () => {
    globalThis.fetch = graphqlFetch({
      Status: () => ({ health: HEALTH, me: null }),
      Projects: () => ({ projects: [PROJECT] }),
    }).fetch;
    await renderApp(<App />, '/');
    expect((await screen.findByRole('link', { name: 'Demo app' })).getAttribute('href')).toBe(
      '/projects/demo',
    );
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
    expect(screen.queryByText('New project')).toBeNull();
  });

  it('signs in with a labelled form and then greets the user by name', async () => {
    let me: typeof ME | null = null;
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me }),
      Projects: () => ({ projects: [] }),
      SignIn: () => {
        me = ME;
        return { signIn: ME };
      },
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<App />, '/sign-in');
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: ME.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByTestId('signed-in')).textContent).toBe('Signed in as Vol');
    expect(window.location.pathname).toBe('/');
    expect(mock.calls.find((c) => c.operation === 'SignIn')?.variables).toEqual({
      input: { email: ME.email, password: 'correct horse' },
    });
  });

  it('says plainly when the API cannot be reached', async () => {
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await renderApp(<App />, '/');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The API is not reachable: Failed to fetch',
    );
  });
});
