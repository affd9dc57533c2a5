import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGN_IN } from '../api/session-operations';
import { errorMessage, request } from '../graphql-client';
import { AuthLink, inviteToReturnTo } from '../open-call/invite-return';
import { useRouter } from '../router/router';
import { useSession } from '../session/session';
import { ErrorMessage } from './load-state';
import { PageHeading } from './page-heading';

export function SignInPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const { route, search, navigate } = useRouter();
  // Back to an invite the visitor opened signed out, so they can accept it.
  const invite = inviteToReturnTo(route, search);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setBusy(true);
    request(SIGN_IN, {
      input: {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      },
    })
      .then(() => refresh())
      .then(() => navigate(invite ?? { name: 'projects' }, { replace: invite !== null }))
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card narrow">
      <PageHeading>{t('auth.signIn.title')}</PageHeading>
      {invite !== null && <p className="notice">{t('openCall.invite.signInFirst')}</p>}
      <form onSubmit={onSubmit} className="form">
        <label htmlFor="sign-in-email">{t('auth.email')}</label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="sign-in-password">{t('auth.password')}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" disabled={busy}>
          {t('auth.signIn.submit')}
        </button>
        {error !== null && <ErrorMessage message={error} />}
      </form>
      <p>
        {t('auth.signIn.noAccount')} <AuthLink to="signUp">{t('auth.signUp.title')}</AuthLink>
      </p>
    </section>
  );
}
