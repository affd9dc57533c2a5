import { useTranslation } from 'react-i18next';
import { PROJECTS } from '../api/project-operations';
import { request } from '../graphql-client';
import { Link } from '../router/router';
import { useSession } from '../session/session';
import { useQuery } from '../use-query';
import { CreateProjectForm } from '../admin/create-project-form';
import { ErrorMessage, Loading } from './load-state';
import { PageHeading } from './page-heading';
import { Landing } from '../open-call/landing';

export function ProjectListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const projects = useQuery(() => request(PROJECTS), me?.id ?? 'visitor');

  return (
    <>
      {me === null && <Landing />}
      <PageHeading>{t('projects.title')}</PageHeading>
      {projects.state === 'loading' && <Loading />}
      {projects.state === 'error' && <ErrorMessage message={projects.message} />}
      {projects.state === 'ready' &&
        (projects.data.projects.length === 0 ? (
          <p>{t('projects.empty')}</p>
        ) : (
          <ul className="project-list">
            {projects.data.projects.map((project) => (
              <li key={project.id} className="card">
                <Link to={{ name: 'dashboard', slug: project.slug }}>{project.name}</Link>
                <span className="muted">
                  {' '}
                  {t('projects.meta', { slug: project.slug, locale: project.sourceLocale })}
                </span>
              </li>
            ))}
          </ul>
        ))}
      {me !== null && <CreateProjectForm onCreated={projects.reload} />}
    </>
  );
}
