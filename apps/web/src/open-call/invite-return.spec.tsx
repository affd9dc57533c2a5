import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from '../app';
import { parseRoute } from '../router/routes';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { inviteToReturnTo } from './invite-return';

jest.mock('../subscriptions', () => ({ subscribe: () => () => undefined }));

const TOKEN = 'chorus_inv_AbC-123_x';
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function setup() {
  let me: typeof ME | null = null;
  const mock = graphqlFetch({
    Status: () => ({ health: HEALTH, me }),
    SignIn: () => {
      me = ME;
      return { signIn: ME };
    },
    SignUp: () => {
      me = ME;
      return { signUp: ME };
    },
    AcceptInvite: () => ({ acceptInvite: { id: 'm1', role: 'TRANSLATOR', locale: 'pl' } }),
  });
  globalThis.fetch = mock.fetch;
  return mock;
}

describe('an invite link opened signed out', () => {
  it('keeps the token through sign-up and lands back on the invite, which accepts it', async () => {
    const mock = setup();
    await renderApp(<App />, `/invite/${TOKEN}`);
    expect((await screen.findByText(/Sign in or sign up to accept it/)).className).toBe('notice');
    const signUp = screen
      .getAllByRole('link', { name: 'Sign up' })
      .find((a) => a.getAttribute('href')?.includes('?invite=') === true);
    expect(signUp?.getAttribute('href')).toBe(`/sign-up?invite=${TOKEN}`);
    if (signUp === undefined) throw new Error('no sign-up link keeping the invite');
    fireEvent.click(signUp);
    await waitFor(() => expect(window.location.pathname).toBe('/sign-up'));
    expect(screen.getByText(/Sign in or sign up to accept it/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Vol' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: ME.email } });
    fireEvent.change(screen.getByLabelText('Password'), {
      target: { value: 'correct horse battery' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const accept = await screen.findByRole('button', { name: 'Accept the invitation' });
    expect(window.location.pathname).toBe(`/invite/${TOKEN}`);
    fireEvent.click(accept);
    await waitFor(() => expect(window.location.pathname).toBe('/me'));
    expect(mock.calls.find((c) => c.operation === 'AcceptInvite')?.variables).toEqual({
      token: TOKEN,
    });
  });

  it('stays on the invite after signing in there', async () => {
    setup();
    await renderApp(<App />, `/invite/${TOKEN}`);
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: ME.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: 'Accept the invitation' });
    expect(window.location.pathname).toBe(`/invite/${TOKEN}`);
  });

  it('returns only to an invite route, ignoring anything that is not a token', () => {
    const signIn = parseRoute('/sign-in');
    expect(inviteToReturnTo(signIn, new URLSearchParams(`invite=${TOKEN}`))).toEqual({
      name: 'invite',
      token: TOKEN,
    });
    for (const bad of ['//evil.example', 'https://evil.example', '../admin', '', 'a'.repeat(201)]) {
      expect(inviteToReturnTo(signIn, new URLSearchParams({ invite: bad }))).toBeNull();
    }
    expect(inviteToReturnTo(signIn, new URLSearchParams())).toBeNull();
  });
});
