import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_STATS, PROJECT } from '../api/project-operations';
import { Leaderboard } from '../dashboard/leaderboard';
import { NeedsDecisionLink, useManagedLocales } from '../decisions/needs-decision-link';
import { ProgressChart } from '../dashboard/progress-chart';
import { request } from '../graphql-client';
import { Link } from '../router/router';
import { useQuery } from '../use-query';
import { ErrorMessage, Loading } from './load-state';
import { PageHeading } from './page-heading';

export function ProjectDashboardPage({ slug }: { readonly slug: string }) {
  const { t } = useTranslation();
  const project = useQuery(() => request(PROJECT, { slug }), slug);
  const stats = useQuery(() => request(LOCALE_STATS, { project: slug }), slug);
  const [boardLocale, setBoardLocale] = useState<string | null>(null);
  const selectId = useId();
  const managed = useManagedLocales(slug);

  if (project.state === 'loading') return <Loading />;
  if (project.state === 'error') return <ErrorMessage message={project.message} />;
  const locales = stats.state === 'ready' ? stats.data.localeStats.map((s) => s.locale) : [];
  const shownLocale = boardLocale ?? locales[0] ?? null;

  return (
    <>
      <PageHeading>{project.data.project.name}</PageHeading>
      <p>
        <Link to={{ name: 'admin', slug }}>{t('dashboard.admin')}</Link>
      </p>
      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('dashboard.progress')}</h2>
        {stats.state === 'loading' && <Loading />}
        {stats.state === 'error' && <ErrorMessage message={stats.message} />}
        {stats.state === 'ready' &&
          (stats.data.localeStats.length === 0 ? (
            <p>{t('dashboard.noLocales')}</p>
          ) : (
            <>
              <ProgressChart stats={stats.data.localeStats} />
              <ul className="locale-actions">
                {stats.data.localeStats.map((s) => (
                  <li key={s.locale}>
                    <strong>{s.locale}</strong>{' '}
                    <Link to={{ name: 'translate', slug, locale: s.locale }}>
                      {t('dashboard.translate', { count: s.untranslated })}
                    </Link>{' '}
                    ·{' '}
                    <Link to={{ name: 'vote', slug, locale: s.locale }}>
                      {t('dashboard.vote', { count: s.voting })}
                    </Link>
                    ·{' '}
                    <Link to={{ name: 'glossary', slug, locale: s.locale }}>
                      {t('dashboard.glossary')}
                    </Link>
                    {managed.includes(s.locale) && (
                      <>
                        {' '}
                        · <NeedsDecisionLink project={slug} locale={s.locale} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ))}
      </section>
      {shownLocale !== null && (
        <section className="card" aria-labelledby="leaderboard-heading">
          <h2 id="leaderboard-heading">{t('leaderboard.title')}</h2>
          <label htmlFor={selectId}>{t('leaderboard.locale')}</label>{' '}
          <select
            id={selectId}
            value={shownLocale}
            onChange={(event) => setBoardLocale(event.target.value)}
          >
            {locales.map((locale) => (
              <option key={locale} value={locale}>
                {locale}
              </option>
            ))}
          </select>
          <Leaderboard project={slug} locale={shownLocale} />
        </section>
      )}
    </>
  );
}
