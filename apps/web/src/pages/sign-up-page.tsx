import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGN_UP } from '../api/session-operations';
import { errorMessage, request } from '../graphql-client';
import { AuthLink, inviteToReturnTo } from '../open-call/invite-return';
import { useRouter } from '../router/router';
import { useSession } from '../session/session';
import { ErrorMessage } from './load-state';
import { PageHeading } from './page-heading';

export function SignUpPage() {
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
    request(SIGN_UP, {
      input: {
        displayName: String(form.get('displayName') ?? ''),
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      },
    })
      .then(() => refresh())
      // A new volunteer starts where their help is wanted (or at the invite they came with).
      .then(() => navigate(invite ?? { name: 'needYou' }, { replace: invite !== null }))
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card narrow">
      <PageHeading>{t('auth.signUp.title')}</PageHeading>
      {invite !== null && <p className="notice">{t('openCall.invite.signInFirst')}</p>}
      <form onSubmit={onSubmit} className="form">
        <label htmlFor="sign-up-name">{t('auth.displayName')}</label>
        <input id="sign-up-name" name="displayName" autoComplete="nickname" required />
        <label htmlFor="sign-up-email">{t('auth.email')}</label>
        <input id="sign-up-email" name="email" type="email" autoComplete="email" required />
        <label htmlFor="sign-up-password">{t('auth.password')}</label>
        <input
          id="sign-up-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={128}
          required
          aria-describedby="sign-up-password-hint"
        />
        <p id="sign-up-password-hint" className="hint">
          {t('auth.passwordHint')}
        </p>
        <button type="submit" disabled={busy}>
          {t('auth.signUp.submit')}
        </button>
        {error !== null && <ErrorMessage message={error} />}
      </form>
      <p>
        {t('auth.signUp.haveAccount')} <AuthLink to="signIn">{t('auth.signIn.title')}</AuthLink>
      </p>
    </section>
  );
}
