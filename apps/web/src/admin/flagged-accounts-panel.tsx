import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AbuseFlag, FLAGGED_ACCOUNTS } from '../api/admin-operations';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { AdminSection } from './admin-section';
import { useMutation } from './use-mutation';

/** Accounts the abuse signals flagged (vote rings, bursts), for managers to review. */
export function FlaggedAccountsPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [flags, setFlags] = useState<readonly AbuseFlag[] | null>(null);
  const { busy, error, run } = useMutation();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const locale = String(new FormData(event.currentTarget).get('locale') ?? '').trim();
    run(
      () => request(FLAGGED_ACCOUNTS, { project, locale: locale === '' ? null : locale }),
      (d) => setFlags(d.flaggedAccounts),
    );
  };

  return (
    <AdminSection title={t('admin.flagged.title')}>
      <form onSubmit={onSubmit} className="inline-form">
        <label htmlFor={id}>{t('admin.flagged.locale')}</label>
        <input id={id} name="locale" />
        <button type="submit" disabled={busy}>
          {t('admin.flagged.show')}
        </button>
      </form>
      {flags !== null &&
        (flags.length === 0 ? (
          <p>{t('admin.flagged.none')}</p>
        ) : (
          <ul>
            {flags.map((f) => (
              <li key={f.id}>
                <strong>{f.users.map((u) => u.displayName).join(', ')}</strong>: {f.kind}{' '}
                <code className="muted">{f.evidence}</code>
              </li>
            ))}
          </ul>
        ))}
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
