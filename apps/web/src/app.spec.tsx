import { render, screen } from '@testing-library/react';
import { App } from './app';

/** jsdom has no fetch Response; the client only reads `status` and `json()`. */
function answer(body: unknown): typeof fetch {
  const response = { status: 200, ok: true, json: () => Promise.resolve(body) };
  return () => Promise.resolve(response as unknown as Response);
}

describe('App shell', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('shows the service status and a labelled sign-in form for a visitor', async () => {
    globalThis.fetch = answer({
      data: {
        health: { status: 'ok', postgres: 'up', queue: 'up', queueBackend: 'redis' },
        me: null,
      },
    });
    render(<App />);
    expect((await screen.findByTestId('health-status')).textContent).toContain('Status: ok');
    expect(screen.getByLabelText('Email')).toBeInstanceOf(HTMLInputElement);
    expect(screen.getByLabelText('Password')).toBeInstanceOf(HTMLInputElement);
  });

  it('greets a signed-in user by name', async () => {
    globalThis.fetch = answer({
      data: {
        health: { status: 'ok', postgres: 'up', queue: 'up', queueBackend: 'postgres' },
        me: { id: '1', email: 'ada@example.test', displayName: 'Ada' },
      },
    });
    render(<App />);
    expect((await screen.findByTestId('signed-in')).textContent).toContain(
      'Signed in as Ada (ada@example.test)',
    );
  });

  it('says plainly when the API cannot be reached', async () => {
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The API is not reachable: Failed to fetch',
    );
  });
});
