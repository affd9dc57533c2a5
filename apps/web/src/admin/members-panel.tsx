import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADD_MEMBER,
  MEMBERS,
  PROJECT_ROLES,
  type ProjectRole,
  REMOVE_MEMBER,
} from '../api/admin-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { useQuery } from '../use-query';
import { AdminSection } from './admin-section';
import { useMutation } from './use-mutation';

function isRole(value: string): value is ProjectRole {
  return (PROJECT_ROLES as readonly string[]).includes(value);
}

export function MembersPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const id = useId();
  const members = useQuery(() => request(MEMBERS, { project }), project);
  const { busy, error, run } = useMutation();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const role = String(form.get('role') ?? '');
    const locale = String(form.get('locale') ?? '').trim();
    if (!isRole(role)) return;
    run(
      () =>
        request(ADD_MEMBER, {
          project,
          email: String(form.get('email') ?? '').trim(),
          role,
          locale: locale === '' ? null : locale,
        }),
      () => {
        formElement.reset();
        members.reload();
      },
    );
  };

  return (
    <AdminSection title={t('admin.members.title')}>
      {members.state === 'loading' && <Loading />}
      {members.state === 'error' && <ErrorMessage message={members.message} />}
      {members.state === 'ready' && (
        <ul>
          {members.data.members.map((m) => (
            <li key={m.id}>
              {m.user.displayName} — {t(`role.${m.role}`)}
              {m.locale !== null && ` (${m.locale})`}{' '}
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() =>
                  run(() => request(REMOVE_MEMBER, { project, id: m.id }), members.reload)
                }
              >
                {t('admin.members.remove', { name: m.user.displayName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="form">
        <label htmlFor={`${id}-email`}>{t('admin.members.email')}</label>
        <input id={`${id}-email`} name="email" type="email" required />
        <label htmlFor={`${id}-role`}>{t('admin.members.role')}</label>
        <select id={`${id}-role`} name="role" defaultValue="translator">
          {PROJECT_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-locale`}>{t('admin.members.locale')}</label>
        <input id={`${id}-locale`} name="locale" aria-describedby={`${id}-locale-hint`} />
        <p id={`${id}-locale-hint`} className="hint">
          {t('admin.members.localeHint')}
        </p>
        <button type="submit" disabled={busy}>
          {t('admin.members.add')}
        </button>
      </form>
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
