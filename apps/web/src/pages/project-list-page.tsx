import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECTS, PROJECTS_PAGE } from '../api/project-operations';
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
  // One entry per page shown: the slug the page starts after (null: the first page).
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [version, setVersion] = useState(0);
  const viewer = me?.id ?? 'visitor';

  return (
    <>
      {me === null && <Landing />}
      <PageHeading>{t('projects.title')}</PageHeading>
      {pages.map((after, index) => (
        <ProjectPage
          key={`${viewer}-${version}-${after ?? 'first'}`}
          after={after}
          viewer={viewer}
          onMore={index === pages.length - 1 ? (next) => setPages([...pages, next]) : null}
        />
      ))}
      {me !== null && (
        <CreateProjectForm
          onCreated={() => {
            setPages([null]);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </>
  );
}

function ProjectPage({
  after,
  viewer,
  onMore,
}: {
  readonly after: string | null;
  readonly viewer: string;
  readonly onMore: ((cursor: string) => void) | null;
}) {
  const { t } = useTranslation();
  const page = useQuery(() => request(PROJECTS, { after }), `${viewer}:${after ?? 'first'}`);
  if (page.state === 'loading') return <Loading />;
  if (page.state === 'error') return <ErrorMessage message={page.message} />;
  const { projects } = page.data;
  if (projects.length === 0 && after === null) return <p>{t('projects.empty')}</p>;
  const last = projects[projects.length - 1];
  return (
    <>
      <ul className="project-list">
        {projects.map((project) => (
          <li key={project.id} className="card">
            <Link to={{ name: 'dashboard', slug: project.slug }}>{project.name}</Link>
            <span className="muted">
              {' '}
              {t('projects.meta', { slug: project.slug, locale: project.sourceLocale })}
            </span>
          </li>
        ))}
      </ul>
      {projects.length === PROJECTS_PAGE && last !== undefined && onMore !== null && (
        <button type="button" onClick={() => onMore(last.slug)}>
          {t('projects.more')}
        </button>
      )}
    </>
  );
}
