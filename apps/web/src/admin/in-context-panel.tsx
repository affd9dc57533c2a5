import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { document, request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { useQuery } from '../use-query';
import { AdminSection } from './admin-section';
import { useMutation } from './use-mutation';

const IN_CONTEXT_SETTINGS = document<
  { project: { inContextScreenshots: boolean } },
  { slug: string }
>(`query InContextSettings($slug: String!) { project(slug: $slug) { inContextScreenshots } }`);

const SET_IN_CONTEXT_SCREENSHOTS = document<
  { setInContextScreenshots: { inContextScreenshots: boolean } },
  { project: string; enabled: boolean }
>(
  `mutation SetInContextScreenshots($project: String!, $enabled: Boolean!) {
    setInContextScreenshots(project: $project, enabled: $enabled) { inContextScreenshots } }`,
);

/** Owners: let the in-context package upload screenshots with key positions (docs/in-context.md). */
export function InContextPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const settings = useQuery(() => request(IN_CONTEXT_SETTINGS, { slug: project }), project);
  const save = useMutation();
  if (settings.state === 'loading') return <Loading />;
  if (settings.state === 'error') return <ErrorMessage message={settings.message} />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.run(
      () =>
        request(SET_IN_CONTEXT_SCREENSHOTS, {
          project,
          enabled: form.get('screenshots') === 'on',
        }),
      settings.reload,
    );
  };

  return (
    <AdminSection title={t('admin.inContext.title')}>
      <form onSubmit={onSubmit} className="form">
        <label>
          <input
            type="checkbox"
            name="screenshots"
            defaultChecked={settings.data.project.inContextScreenshots}
          />{' '}
          {t('admin.inContext.screenshots')}
        </label>
        <button type="submit" disabled={save.busy}>
          {t('admin.inContext.save')}
        </button>
        {save.error !== null && <ErrorMessage message={save.error} />}
      </form>
    </AdminSection>
  );
}
