import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ADD_LOCALE, LOCALES, NAMESPACES } from '../api/admin-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { useQuery } from '../use-query';
import { AdminSection } from './admin-section';
import { useMutation } from './use-mutation';

export function LocalesPanel({
  project,
  version,
}: {
  readonly project: string;
  readonly version: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const locales = useQuery(() => request(LOCALES, { project }), project);
  const namespaces = useQuery(() => request(NAMESPACES, { project }), `${project}/${version}`);
  const { busy, error, run } = useMutation();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get('code') ?? '').trim();
    run(
      () => request(ADD_LOCALE, { project, code }),
      () => {
        form.reset();
        locales.reload();
      },
    );
  };

  return (
    <AdminSection title={t('admin.locales.title')}>
      {locales.state === 'loading' && <Loading />}
      {locales.state === 'error' && <ErrorMessage message={locales.message} />}
      {locales.state === 'ready' && (
        <ul data-testid="locale-list">
          {locales.data.locales.map((l) => (
            <li key={l.id}>
              <strong>{l.code}</strong>{' '}
              <span className="muted">
                {t('admin.locales.forms', { forms: l.pluralCategories.join(', ') })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="inline-form">
        <label htmlFor={id}>{t('admin.locales.code')}</label>
        <input id={id} name="code" required placeholder="pl" />
        <button type="submit" disabled={busy}>
          {t('admin.locales.add')}
        </button>
      </form>
      {error !== null && <ErrorMessage message={error} />}
      <h3>{t('admin.namespaces.title')}</h3>
      {namespaces.state === 'ready' && (
        <ul>
          {namespaces.data.namespaces.map((n) => (
            <li key={n.id}>{t('admin.namespaces.item', { name: n.name, count: n.stringCount })}</li>
          ))}
        </ul>
      )}
    </AdminSection>
  );
}
