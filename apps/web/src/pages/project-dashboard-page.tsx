import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_ACCESS } from '../api/open-call-operations';
import { LOCALE_STATS, PROJECT } from '../api/project-operations';
import { adminPanelsFor } from '../admin/admin-panels';
import { GoalLine } from '../open-call/goal-line';
import { JoinButtons } from '../open-call/join-buttons';
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
  const access = useQuery(() => request(PROJECT_ACCESS, { slug }), `access-${slug}`);

  if (project.state === 'loading') return <Loading />;
  if (project.state === 'error') return <ErrorMessage message={project.message} />;
  const locales = stats.state === 'ready' ? stats.data.localeStats.map((s) => s.locale) : [];
  const shownLocale = boardLocale ?? locales[0] ?? null;

  return (
    <>
      <PageHeading>{project.data.project.name}</PageHeading>
      {access.state === 'ready' && (
        <>
          {adminPanelsFor(access.data.project.viewerCan.actions).length > 0 && (
            <p>
              <Link to={{ name: 'admin', slug }}>{t('dashboard.admin')}</Link>
            </p>
          )}
          <JoinButtons project={access.data.project} onJoined={access.reload} />
          {access.data.project.goals.length > 0 && (
            <section className="card" aria-labelledby="goals-heading">
              <h2 id="goals-heading">{t('openCall.goals.title')}</h2>
              <ul>
                {access.data.project.goals.map((goal) => (
                  <li key={goal.locale}>
                    <GoalLine goal={goal} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
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
