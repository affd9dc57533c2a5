import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADD_WEBHOOK, REMOVE_WEBHOOK, WEBHOOKS } from '../api/admin-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { useQuery } from '../use-query';
import { AdminSection } from './admin-section';
import { CopyButton } from './copy-button';
import { useMutation } from './use-mutation';

export function WebhooksPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const id = useId();
  const hooks = useQuery(() => request(WEBHOOKS, { project }), project);
  const { busy, error, run } = useMutation();
  const [secret, setSecret] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const url = String(new FormData(formElement).get('url') ?? '').trim();
    run(
      () => request(ADD_WEBHOOK, { project, url }),
      (created) => {
        setSecret(created.addWebhook.secret);
        formElement.reset();
        hooks.reload();
      },
    );
  };

  return (
    <AdminSection title={t('admin.webhooks.title')}>
      {secret !== null && (
        <div className="notice" role="status">
          <p>{t('admin.webhooks.shownOnce')}</p>
          <label htmlFor={`${id}-secret`}>{t('admin.webhooks.secret')}</label>
          <input id={`${id}-secret`} readOnly value={secret} />
          <CopyButton value={secret} label={t('admin.webhooks.copy')} />
        </div>
      )}
      {hooks.state === 'loading' && <Loading />}
      {hooks.state === 'error' && <ErrorMessage message={hooks.message} />}
      {hooks.state === 'ready' && (
        <ul>
          {hooks.data.webhooks.map((hook) => (
            <li key={hook.id}>
              <code>{hook.url}</code>{' '}
              {hook.lastStatus !== null && (
                <span className="muted">
                  {t('admin.webhooks.lastStatus', { status: hook.lastStatus })}
                </span>
              )}{' '}
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() =>
                  run(() => request(REMOVE_WEBHOOK, { project, id: hook.id }), hooks.reload)
                }
              >
                {t('admin.webhooks.remove', { url: hook.url })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="inline-form">
        <label htmlFor={`${id}-url`}>{t('admin.webhooks.url')}</label>
        <input id={`${id}-url`} name="url" type="url" required />
        <button type="submit" disabled={busy}>
          {t('admin.webhooks.add')}
        </button>
      </form>
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
