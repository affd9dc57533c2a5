import { useTranslation } from 'react-i18next';
import { ACCEPT_INVITE } from '../api/open-call-operations';
import { useMutation } from '../admin/use-mutation';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { useRouter } from '../router/router';

/** An invite link: accept it (signed in) and go to the projects you belong to. */
export function InvitePage({ token }: { readonly token: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { busy, error, run } = useMutation();
  return (
    <>
      <PageHeading>{t('openCall.invite.title')}</PageHeading>
      <p>{t('openCall.invite.intro')}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          run(
            () => request(ACCEPT_INVITE, { token }),
            () => navigate({ name: 'me' }),
          )
        }
      >
        {t('openCall.invite.accept')}
      </button>
      {error !== null && <ErrorMessage message={error} />}
    </>
  );
}
