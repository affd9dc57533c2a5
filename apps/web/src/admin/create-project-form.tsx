import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CREATE_PROJECT } from '../api/project-operations';
import { errorMessage, request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { useRouter } from '../router/router';

export function CreateProjectForm({ onCreated }: { readonly onCreated: () => void }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    request(CREATE_PROJECT, {
      input: {
        name: String(form.get('name') ?? ''),
        slug: String(form.get('slug') ?? ''),
        sourceLocale: String(form.get('sourceLocale') ?? 'en'),
        visibility: String(form.get('visibility') ?? 'public'),
      },
    })
      .then(({ createProject }) => {
        onCreated();
        navigate({ name: 'admin', slug: createProject.slug });
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  };

  return (
    <section className="card" aria-labelledby="create-project-heading">
      <h2 id="create-project-heading">{t('admin.createProject.title')}</h2>
      <form onSubmit={onSubmit} className="form">
        <label htmlFor="project-name">{t('admin.createProject.name')}</label>
        <input id="project-name" name="name" required />
        <label htmlFor="project-slug">{t('admin.createProject.slug')}</label>
        <input
          id="project-slug"
          name="slug"
          required
          pattern="[a-z0-9][a-z0-9\-]{0,62}"
          aria-describedby="project-slug-hint"
        />
        <p id="project-slug-hint" className="hint">
          {t('admin.createProject.slugHint')}
        </p>
        <label htmlFor="project-source-locale">{t('admin.createProject.sourceLocale')}</label>
        <input id="project-source-locale" name="sourceLocale" defaultValue="en" required />
        <label htmlFor="project-visibility">{t('admin.createProject.visibility')}</label>
        <select id="project-visibility" name="visibility" defaultValue="public">
          <option value="public">{t('admin.createProject.public')}</option>
          <option value="private">{t('admin.createProject.private')}</option>
        </select>
        <button type="submit">{t('admin.createProject.submit')}</button>
        {error !== null && <ErrorMessage message={error} />}
      </form>
    </section>
  );
}
