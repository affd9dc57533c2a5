import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type Health, type Me, fetchStatus, signIn, signOut } from './operations';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; health: Health; me: Me | null };

export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [formError, setFormError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    fetchStatus()
      .then(({ health, me }) => setLoad({ state: 'ready', health, me }))
      .catch((error: unknown) =>
        setLoad({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  }, []);

  useEffect(refresh, [refresh]);

  const onSignIn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFormError(null);
    signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''))
      .then(refresh)
      .catch((error: unknown) =>
        setFormError(error instanceof Error ? error.message : String(error)),
      );
  };

  return (
    <main className="page">
      <header className="masthead">
        <h1>Chorus</h1>
        <p>Community translations for i18next apps, decided by vote.</p>
      </header>
      {load.state === 'loading' && <p role="status">Connecting…</p>}
      {load.state === 'error' && (
        <p role="alert" className="error">
          The API is not reachable: {load.message}
        </p>
      )}
      {load.state === 'ready' && (
        <>
          <section aria-labelledby="health-heading" className="card">
            <h2 id="health-heading">Service</h2>
            <p data-testid="health-status">
              Status: <strong>{load.health.status}</strong> · Postgres {load.health.postgres} ·
              queue {load.health.queue} ({load.health.queueBackend})
            </p>
          </section>
          <section aria-labelledby="account-heading" className="card">
            <h2 id="account-heading">Account</h2>
            {load.me === null ? (
              <form onSubmit={onSignIn} className="form">
                <label htmlFor="email">Email</label>
                <input id="email" name="email" type="email" autoComplete="username" required />
                <label htmlFor="password">Password</label>
                <input
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                />
                <button type="submit">Sign in</button>
                {formError !== null && (
                  <p role="alert" className="error">
                    {formError}
                  </p>
                )}
              </form>
            ) : (
              <p data-testid="signed-in">
                Signed in as <strong>{load.me.displayName}</strong> ({load.me.email}){' '}
                <button type="button" onClick={() => void signOut().then(refresh)}>
                  Sign out
                </button>
              </p>
            )}
          </section>
        </>
      )}
    </main>
  );
}
