import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AbuseFlag, DISMISS_ABUSE_FLAG, FLAGGED_ACCOUNTS } from '../api/admin-operations';
import { MODERATE_REPORT } from '../api/moderation-operations';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { formatDateTime } from '../text/time';
import { AdminSection } from './admin-section';
import { FlagEvidence } from './flag-evidence';
import { useMutation } from './use-mutation';

/**
 * Accounts the abuse signals flagged (vote rings, bursts), for managers to review: the evidence in
 * words and dates, *dismiss* when the pattern is honest, or *ban* the flag's first account from the
 * project (a BAN verdict on the flag's report in the moderation queue); both logged with the reason.
 */
export function FlaggedAccountsPanel({ project }: { readonly project: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [flags, setFlags] = useState<readonly AbuseFlag[] | null>(null);
  const [locale, setLocale] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<'dismissed' | 'banned' | null>(null);
  const [banDays, setBanDays] = useState(30);
  const { busy, error, run } = useMutation();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('locale') ?? '').trim();
    const chosen = typed === '' ? null : typed;
    setDone(null);
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
        setDone('dismissed');
        setFlags((all) => all?.filter((f) => f.id !== flag.id) ?? null);
      },
    );

  // A project ban is a moderation verdict on the flag's report (against its first account).
  const ban = (flag: AbuseFlag, reportId: string) =>
    run(
      () =>
        request(MODERATE_REPORT, {
          input: { reportId, action: 'BAN', reason: reason.trim(), banDays },
        }),
      () => {
        setDone('banned');
        setFlags(
          (all) => all?.map((f) => (f.id === flag.id ? { ...f, reportId: null } : f)) ?? null,
        );
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
      <p role="status">
        {done === 'dismissed' && t('admin.flagged.dismissed')}
        {done === 'banned' && t('admin.flagged.banned')}
      </p>
      {flags !== null &&
        (flags.length === 0 ? (
          <p>{t('admin.flagged.none')}</p>
        ) : (
          <>
            <label htmlFor={`${id}-reason`}>{t('admin.flagged.reason')}</label>
            <input
              id={`${id}-reason`}
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
            <label htmlFor={`${id}-days`}>{t('admin.flagged.banDays')}</label>
            <input
              id={`${id}-days`}
              type="number"
              min={1}
              max={3650}
              value={banDays}
              onChange={(event) => setBanDays(Math.max(1, Math.trunc(Number(event.target.value))))}
            />
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
                  </button>{' '}
                  {f.reportId !== null && f.users[0] !== undefined ? (
                    <button
                      type="button"
                      disabled={busy || reason.trim() === ''}
                      onClick={() => f.reportId !== null && ban(f, f.reportId)}
                    >
                      {t('admin.flagged.ban', { name: f.users[0].displayName })}
                    </button>
                  ) : (
                    <p className="muted">{t('admin.flagged.banHint')}</p>
                  )}
                </li>
              ))}
            </ul>
          </>
        ))}
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
