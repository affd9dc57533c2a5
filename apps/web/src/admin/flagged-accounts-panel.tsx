import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AbuseFlag, DISMISS_ABUSE_FLAG, FLAGGED_ACCOUNTS } from '../api/admin-operations';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { formatDateTime } from '../text/time';
import { AdminSection } from './admin-section';
import { FlagEvidence } from './flag-evidence';
import { useMutation } from './use-mutation';

/**
 * Accounts the abuse signals flagged (vote rings, bursts), for managers to review: the evidence in
 * words and dates, and *dismiss* when the pattern is honest (logged with the reason). Banning goes
 * through the flag's report in the moderation queue, where every project ban is decided.
 */
export function FlaggedAccountsPanel({ project }: { readonly project: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [flags, setFlags] = useState<readonly AbuseFlag[] | null>(null);
  const [locale, setLocale] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [dismissed, setDismissed] = useState(false);
  const { busy, error, run } = useMutation();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('locale') ?? '').trim();
    const chosen = typed === '' ? null : typed;
    setDismissed(false);
    run(
      () => request(FLAGGED_ACCOUNTS, { project, locale: chosen }),
      (d) => {
        setLocale(chosen);
        setFlags(d.flaggedAccounts);
      },
    );
  };

  const dismiss = (flag: AbuseFlag) =>
    run(
      () => request(DISMISS_ABUSE_FLAG, { project, locale, id: flag.id, reason: reason.trim() }),
      () => {
        setDismissed(true);
        setFlags((all) => all?.filter((f) => f.id !== flag.id) ?? null);
      },
    );

  return (
    <AdminSection title={t('admin.flagged.title')}>
      <form onSubmit={onSubmit} className="inline-form">
        <label htmlFor={id}>{t('admin.flagged.locale')}</label>
        <input id={id} name="locale" />
        <button type="submit" disabled={busy}>
          {t('admin.flagged.show')}
        </button>
      </form>
      <p role="status">{dismissed && t('admin.flagged.dismissed')}</p>
      {flags !== null &&
        (flags.length === 0 ? (
          <p>{t('admin.flagged.none')}</p>
        ) : (
          <>
            <label htmlFor={`${id}-reason`}>{t('admin.flagged.dismissReason')}</label>
            <input
              id={`${id}-reason`}
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
            <p className="muted">{t('admin.flagged.banHint')}</p>
            <ul data-testid="flagged-accounts">
              {flags.map((f) => (
                <li key={f.id}>
                  <strong>{f.users.map((u) => u.displayName).join(', ')}</strong>{' '}
                  <span className="muted">
                    {t('admin.flagged.detected', {
                      time: formatDateTime(f.detectedAt, i18n.language),
                    })}
                  </span>
                  <FlagEvidence kind={f.kind} evidence={f.evidence} />
                  <button
                    type="button"
                    disabled={busy || reason.trim() === ''}
                    onClick={() => dismiss(f)}
                  >
                    {t('admin.flagged.dismiss')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ))}
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
