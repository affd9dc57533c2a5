import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MODERATE_REPORT,
  MODERATION_QUEUE,
  type ModerationAction,
  type ModerationReport,
} from '../api/moderation-operations';
import { AdminSection } from '../admin/admin-section';
import { useMutation } from '../admin/use-mutation';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';

const PAGE = 20;

/**
 * Managers' moderation queue: open reports of a locale (owners may leave the locale empty to see
 * every report, the abuse scan's included), oldest first, and the actions on each: hide or reject
 * a reported translation, warn or ban its user from the project, or dismiss. Every action needs a
 * reason; it resolves all open reports on the same target.
 */
export function ModerationQueuePanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [locale, setLocale] = useState<string | null>(null);
  const [items, setItems] = useState<readonly ModerationReport[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const { busy, error, run } = useMutation();

  const load = (code: string | null, after: string | null) =>
    run(
      () => request(MODERATION_QUEUE, { project, locale: code, after, first: PAGE }),
      (d) => {
        setItems((previous) =>
          after === null
            ? d.moderationQueue.items
            : [...(previous ?? []), ...d.moderationQueue.items],
        );
        setCursor(d.moderationQueue.nextCursor);
      },
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('locale') ?? '').trim();
    const chosen = code === '' ? null : code;
    setLocale(chosen);
    load(chosen, null);
  };

  return (
    <AdminSection title={t('moderation.queue.title')}>
      <form onSubmit={onSubmit} className="inline-form">
        <label htmlFor={id}>{t('moderation.queue.locale')}</label>
        <input id={id} name="locale" />
        <button type="submit" disabled={busy}>
          {t('moderation.queue.show')}
        </button>
      </form>
      {items !== null &&
        (items.length === 0 ? (
          <p>{t('moderation.queue.empty')}</p>
        ) : (
          <ul className="moderation-queue">
            {items.map((item) => (
              <ReportItem
                key={item.id}
                item={item}
                busy={busy}
                onAct={(action, reason, banDays) =>
                  run(
                    () =>
                      request(MODERATE_REPORT, {
                        input: { reportId: item.id, action, reason, banDays },
                      }),
                    () => load(locale, null),
                  )
                }
              />
            ))}
          </ul>
        ))}
      {cursor !== null && (
        <button type="button" disabled={busy} onClick={() => load(locale, cursor)}>
          {t('moderation.queue.more')}
        </button>
      )}
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}

function ReportItem({
  item,
  busy,
  onAct,
}: {
  readonly item: ModerationReport;
  readonly busy: boolean;
  readonly onAct: (action: ModerationAction, reason: string, banDays: number | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState(7);
  const actions: ModerationAction[] =
    item.candidate === null
      ? ['WARN', 'BAN', 'DISMISS']
      : ['HIDE', 'REJECT', 'WARN', 'BAN', 'DISMISS'];
  const blocked = busy || reason.trim() === '';
  return (
    <li className="moderation-item" data-testid="moderation-report">
      <p>
        <strong>{t(`moderation.reason.${item.reason}`)}</strong>{' '}
        {item.reporter === null
          ? t('moderation.queue.byScan', { kind: item.abuseKind ?? '' })
          : t('moderation.queue.by', { name: item.reporter.displayName })}
        {item.locale !== null && <span className="badge">{item.locale}</span>}
        {item.openReportsOnTarget > 1 && (
          <span className="badge">
            {t('moderation.queue.reports', { n: item.openReportsOnTarget })}
          </span>
        )}
      </p>
      {item.candidate !== null ? (
        <p>
          {t('moderation.queue.candidate', { name: item.targetUser.displayName })}{' '}
          <code>{item.candidate.key}</code>:{' '}
          <q className="candidate-text" data-testid="reported-text">
            {item.candidate.text}
          </q>
        </p>
      ) : (
        <p>{t('moderation.queue.user', { name: item.targetUser.displayName })}</p>
      )}
      {item.note !== null && <blockquote className="muted">{item.note}</blockquote>}
      <label htmlFor={`${id}-reason`}>{t('moderation.queue.reason')}</label>
      <input
        id={`${id}-reason`}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
      />
      <label htmlFor={`${id}-days`}>{t('moderation.queue.banDays')}</label>
      <input
        id={`${id}-days`}
        type="number"
        min={1}
        max={3650}
        value={days}
        onChange={(e) => setDays(Math.max(1, Math.min(3650, Number(e.target.value) || 1)))}
      />
      <div className="inline-form" role="group" aria-label={t('moderation.queue.actions')}>
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            disabled={blocked}
            onClick={() => onAct(action, reason.trim(), action === 'BAN' ? days : null)}
          >
            {t(`moderation.action.${action}`)}
          </button>
        ))}
      </div>
    </li>
  );
}
