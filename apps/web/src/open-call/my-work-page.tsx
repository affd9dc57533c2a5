import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MY_CANDIDATES, MY_WORK } from '../api/open-call-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { Link } from '../router/router';
import { useQuery } from '../use-query';

const STATES = ['WON', 'VOTING', 'LOST', 'WITHDRAWN', 'REJECTED', 'OUTDATED'] as const;

/** The personal page: my locales, my candidates and their state, my votes, my wins. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const work = useQuery(() => request(MY_WORK), 'me');
  const [pages, setPages] = useState<(string | null)[]>([null]);
  return (
    <>
      <PageHeading>{t('openCall.me.title')}</PageHeading>
      {work.state === 'loading' && <Loading />}
      {work.state === 'error' && <ErrorMessage message={work.message} />}
      {work.state === 'ready' && (
        <>
          <p data-testid="my-counts">
            {t('openCall.me.counts', {
              candidates: work.data.myWork.candidates,
              votes: work.data.myWork.votes,
              wins: work.data.myWork.wins,
            })}
          </p>
          <section className="card">
            <h2>{t('openCall.me.locales')}</h2>
            {work.data.myWork.locales.length === 0 ? (
              <p>
                {t('openCall.me.noLocales')}{' '}
                <Link to={{ name: 'needYou' }}>{t('openCall.needYou.title')}</Link>
              </p>
            ) : (
              <ul>
                {work.data.myWork.locales.map((l) => (
                  <li key={`${l.project}/${l.role}/${l.locale}`}>
                    <Link to={{ name: 'dashboard', slug: l.project }}>{l.projectName}</Link>{' '}
                    {t(`role.${l.role}`)}
                    {l.locale !== '' && (
                      <>
                        {' '}
                        <Link to={{ name: 'translate', slug: l.project, locale: l.locale }}>
                          {l.locale}
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <section className="card">
        <h2>{t('openCall.me.candidates')}</h2>
        {pages.map((after, index) => (
          <CandidatePage
            key={after ?? 'first'}
            after={after}
            onMore={index === pages.length - 1 ? (next) => setPages([...pages, next]) : null}
          />
        ))}
      </section>
    </>
  );
}

function CandidatePage({
  after,
  onMore,
}: {
  readonly after: string | null;
  readonly onMore: ((cursor: string) => void) | null;
}) {
  const { t } = useTranslation();
  const page = useQuery(() => request(MY_CANDIDATES, { after }), after ?? 'first');
  if (page.state === 'loading') return <Loading />;
  if (page.state === 'error') return <ErrorMessage message={page.message} />;
  const { items, endCursor } = page.data.myCandidates;
  if (items.length === 0 && after === null) return <p>{t('openCall.me.noCandidates')}</p>;
  return (
    <>
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <code>{c.key}</code> ({c.project}, {c.locale}): {c.text} —{' '}
            <strong>
              {t(`openCall.me.state.${STATES.find((s) => s === c.state) ?? 'VOTING'}`)}
            </strong>
          </li>
        ))}
      </ul>
      {endCursor !== null && onMore !== null && (
        <button type="button" onClick={() => onMore(endCursor)}>
          {t('openCall.me.more')}
        </button>
      )}
    </>
  );
}
