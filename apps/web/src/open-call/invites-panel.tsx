import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CREATE_INVITE, INVITES, REVOKE_INVITE } from '../api/open-call-operations';
import { AdminSection } from '../admin/admin-section';
import { CopyButton } from '../admin/copy-button';
import { useMutation } from '../admin/use-mutation';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { routePath } from '../router/routes';
import { useQuery } from '../use-query';

const INVITE_ROLES = ['translator', 'language_manager', 'developer'] as const;

/** Owners: invite links for a closed project (shown once), their use counts, and revocation. */
export function InvitesPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const id = useId();
  const invites = useQuery(() => request(INVITES, { project }), project);
  const { busy, error, run } = useMutation();
  const [link, setLink] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const locale = String(form.get('locale') ?? '').trim();
    const uses = String(form.get('uses') ?? '').trim();
    run(
      () =>
        request(CREATE_INVITE, {
          project,
          role: String(form.get('role') ?? 'translator'),
          locale: locale === '' ? null : locale,
          maxUses: uses === '' ? null : Number(uses),
        }),
      (created) => {
        const path = routePath({ name: 'invite', token: created.createInvite.token });
        setLink(`${window.location.origin}${path}`);
        invites.reload();
      },
    );
  };

  return (
    <AdminSection title={t('openCall.invites.title')}>
      {link !== null && (
        <p role="status">
          {t('openCall.invites.created')} <code data-testid="invite-link">{link}</code>{' '}
          <CopyButton value={link} label={t('openCall.invites.copy')} />
        </p>
      )}
      {invites.state === 'loading' && <Loading />}
      {invites.state === 'error' && <ErrorMessage message={invites.message} />}
      {invites.state === 'ready' && (
        <ul>
          {invites.data.invites.map((invite) => (
            <li key={invite.id}>
              {t(`role.${invite.role}`)}
              {invite.locale !== null && ` (${invite.locale})`} —{' '}
              {t('openCall.invites.uses', {
                uses: invite.uses,
                max: invite.maxUses ?? '∞',
              })}{' '}
              {invite.revokedAt !== null ? (
                <span className="muted">{t('openCall.invites.revoked')}</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() =>
                    run(() => request(REVOKE_INVITE, { id: invite.id }), invites.reload)
                  }
                >
                  {t('openCall.invites.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="form">
        <label htmlFor={`${id}-role`}>{t('admin.members.role')}</label>
        <select id={`${id}-role`} name="role" defaultValue="translator">
          {INVITE_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-locale`}>{t('admin.members.locale')}</label>
        <input id={`${id}-locale`} name="locale" maxLength={35} />
        <label htmlFor={`${id}-uses`}>{t('openCall.invites.maxUses')}</label>
        <input id={`${id}-uses`} name="uses" type="number" min={1} max={1000} />
        <button type="submit" disabled={busy}>
          {t('openCall.invites.create')}
        </button>
      </form>
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
