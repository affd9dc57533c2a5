import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_ACCESS } from '../api/open-call-operations';
import { STRING_FILTERS, type StringFilter } from '../api/types';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { mayContribute, ReadOnlyNotice } from '../open-call/read-only-notice';
import { Link } from '../router/router';
import { useQuery } from '../use-query';
import { StringSearch } from './string-search';
import { TranslationEditor } from './translation-editor';
import { useStringQueue } from './use-string-queue';

function isStringFilter(value: string): value is StringFilter {
  return (STRING_FILTERS as readonly string[]).includes(value);
}

export function TranslatePage({
  slug,
  locale,
}: {
  readonly slug: string;
  readonly locale: string;
}) {
  const { t } = useTranslation();
  const filterId = useId();
  const [filter, setFilter] = useState<StringFilter>('UNTRANSLATED');
  const [submittedCount, setSubmittedCount] = useState(0);
  // What the viewer may do here (Project.viewerCan): the editor only for those who may submit.
  const project = useQuery(() => request(PROJECT_ACCESS, { slug }), slug);
  const readOnly = project.state === 'ready' && !mayContribute(project.data.project, 'translate');
  const { queue, next, skip, open, restart } = useStringQueue(slug, locale, filter);

  return (
    <>
      <PageHeading>{t('workspace.title', { locale })}</PageHeading>
      <p>
        <Link to={{ name: 'dashboard', slug }}>{t('workspace.backToProject')}</Link> ·{' '}
        <Link to={{ name: 'vote', slug, locale }}>{t('workspace.goVote')}</Link>
      </p>
      <div className="toolbar">
        <label htmlFor={filterId}>{t('workspace.filter')}</label>{' '}
        <select
          id={filterId}
          value={filter}
          onChange={(event) => {
            if (isStringFilter(event.target.value)) setFilter(event.target.value);
          }}
        >
          {STRING_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`filter.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="muted" data-testid="queue-status">
        {submittedCount > 0 ? t('workspace.submittedCount', { count: submittedCount }) : ''}
      </p>
      {project.state === 'error' && <ErrorMessage message={project.message} />}
      {readOnly && (
        <ReadOnlyNotice
          access={project.data.project}
          kind="translate"
          locale={locale}
          onJoined={project.reload}
        />
      )}
      {(queue.state === 'loading' || project.state === 'loading') && <Loading />}
      {queue.state === 'error' && <ErrorMessage message={queue.message} />}
      {queue.state === 'empty' && (
        <div className="card">
          <p>{t('workspace.empty')}</p>
          <button type="button" onClick={restart}>
            {t('workspace.restart')}
          </button>
        </div>
      )}
      {queue.state === 'ready' && project.state === 'ready' && (
        <TranslationEditor
          key={queue.unit.id}
          project={slug}
          unit={queue.unit}
          sourceLocale={project.data.project.sourceLocale}
          onSubmitted={() => {
            setSubmittedCount((n) => n + 1);
            next();
          }}
          onSkip={skip}
          readOnly={readOnly}
        />
      )}
      <StringSearch project={slug} locale={locale} filter={filter} onOpen={open} />
    </>
  );
}
