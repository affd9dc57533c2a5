import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  API_TOKENS,
  type ApiTokenScope,
  CREATE_API_TOKEN,
  REVOKE_API_TOKEN,
} from '../api/admin-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { useQuery } from '../use-query';
import { AdminSection } from './admin-section';
import { CopyButton } from './copy-button';
import { useMutation } from './use-mutation';

const SCOPES: readonly ApiTokenScope[] = ['pull', 'push'];

/** CI tokens: the secret is shown once, right after creation, with a copy button. */
export function ApiTokensPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const id = useId();
  const tokens = useQuery(() => request(API_TOKENS, { project }), project);
  const { busy, error, run } = useMutation();
  const [secret, setSecret] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const scopes = SCOPES.filter((s) => form.get(`scope-${s}`) !== null);
    run(
      () =>
        request(CREATE_API_TOKEN, { project, name: String(form.get('name') ?? '').trim(), scopes }),
      (created) => {
        setSecret(created.createApiToken.secret);
        formElement.reset();
        tokens.reload();
      },
    );
  };

  return (
    <AdminSection title={t('admin.tokens.title')}>
      {secret !== null && (
        <div className="notice" role="status">
          <p>{t('admin.tokens.shownOnce')}</p>
          <label htmlFor={`${id}-secret`}>{t('admin.tokens.secret')}</label>
          <input id={`${id}-secret`} readOnly value={secret} data-testid="token-secret" />
          <CopyButton value={secret} label={t('admin.tokens.copy')} />
        </div>
      )}
      {tokens.state === 'loading' && <Loading />}
      {tokens.state === 'error' && <ErrorMessage message={tokens.message} />}
      {tokens.state === 'ready' && (
        <ul>
          {tokens.data.apiTokens.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> ({token.scopes.join(', ')}){' '}
              {token.revokedAt !== null ? (
                <span className="badge">{t('admin.tokens.revoked')}</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() =>
                    run(() => request(REVOKE_API_TOKEN, { project, id: token.id }), tokens.reload)
                  }
                >
                  {t('admin.tokens.revoke', { name: token.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="form">
        <label htmlFor={`${id}-name`}>{t('admin.tokens.name')}</label>
        <input id={`${id}-name`} name="name" required maxLength={80} />
        <fieldset>
          <legend>{t('admin.tokens.scopes')}</legend>
          {SCOPES.map((scope) => (
            <span key={scope} className="checkbox">
              <input
                id={`${id}-scope-${scope}`}
                type="checkbox"
                name={`scope-${scope}`}
                defaultChecked={scope === 'pull'}
              />
              <label htmlFor={`${id}-scope-${scope}`}>{t(`admin.tokens.scope.${scope}`)}</label>
            </span>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('admin.tokens.create')}
        </button>
      </form>
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
