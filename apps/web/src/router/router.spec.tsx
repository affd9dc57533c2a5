import { act, fireEvent, render, screen } from '@testing-library/react';
import { Link, RouterProvider, useRouter } from './router';
import { type Route, parseRoute, routePath } from './routes';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'projects' },
    { name: 'signIn' },
    { name: 'signUp' },
    { name: 'dashboard', slug: 'demo' },
    { name: 'admin', slug: 'demo' },
    { name: 'translate', slug: 'demo', locale: 'pt-BR' },
    { name: 'vote', slug: 'demo', locale: 'pl' },
  ];
  it.each(routes)('round-trips %o through its path', (route) => {
    expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('encodes parameters and reports unknown paths', () => {
    expect(routePath({ name: 'translate', slug: 'a b', locale: 'de' })).toBe(
      '/projects/a%20b/de/translate',
    );
    expect(parseRoute('/nowhere/at/all')).toEqual({ name: 'notFound', path: '/nowhere/at/all' });
    expect(parseRoute('/projects/%E0%A4%A/admin').name).toBe('notFound');
  });
});

function Where() {
  const { route } = useRouter();
  return <p data-testid="where">{route.name}</p>;
}

describe('RouterProvider', () => {
  it('navigates on a plain click without reloading and follows Back', () => {
    window.history.replaceState(null, '', '/');
    render(
      <RouterProvider>
        <Where />
        <Link to={{ name: 'dashboard', slug: 'demo' }}>Demo</Link>
      </RouterProvider>,
    );
    expect(screen.getByTestId('where').textContent).toBe('projects');
    fireEvent.click(screen.getByRole('link', { name: 'Demo' }));
    expect(window.location.pathname).toBe('/projects/demo');
    expect(screen.getByTestId('where').textContent).toBe('dashboard');

    act(() => {
      window.history.replaceState(null, '', '/sign-in');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByTestId('where').textContent).toBe('signIn');
  });

  it('leaves modified clicks (new tab) to the browser', () => {
    window.history.replaceState(null, '', '/');
    render(
      <RouterProvider>
        <Where />
        <Link to={{ name: 'signUp' }}>Sign up</Link>
      </RouterProvider>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Sign up' }), { ctrlKey: true });
    expect(screen.getByTestId('where').textContent).toBe('projects');
  });
});
