import { useTranslation } from 'react-i18next';
import { PROJECT_ACCESS } from '../api/open-call-operations';
import { STRING_PAGE } from '../api/translation-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { mayContribute, ReadOnlyNotice } from '../open-call/read-only-notice';
import { Link, useRouter } from '../router/router';
import { routePath } from '../router/routes';
import { TokenizedText } from '../text/tokenized-text';
import { useQuery } from '../use-query';
import { VotePanel } from './vote-panel';

/** Strings that need votes, and the vote panel of the chosen one (?string=<id> in the URL). */
export function VotePage({ slug, locale }: { readonly slug: string; readonly locale: string }) {
  const { t } = useTranslation();
  const { search, navigate } = useRouter();
  const selected = search.get('string');
  const strings = useQuery(
    () =>
      request(STRING_PAGE, {
        project: slug,
        locale,
        filter: 'NEEDS_VOTES',
        search: null,
        first: 50,
      }),
    `${slug}/${locale}`,
  );
  // Vote buttons only for those the permission table lets vote (Project.viewerCan).
  const access = useQuery(() => request(PROJECT_ACCESS, { slug }), slug);
  const canVote = access.state === 'ready' && mayContribute(access.data.project, 'vote');
  const open = (id: string) =>
    navigate(`${routePath({ name: 'vote', slug, locale })}?string=${encodeURIComponent(id)}`);

  return (
    <>
      <PageHeading>{t('vote.title', { locale })}</PageHeading>
      <p>
        <Link to={{ name: 'dashboard', slug }}>{t('workspace.backToProject')}</Link> ·{' '}
        <Link to={{ name: 'translate', slug, locale }}>{t('vote.goTranslate')}</Link>
      </p>
      {access.state === 'error' && <ErrorMessage message={access.message} />}
      {access.state === 'ready' && !canVote && (
        <ReadOnlyNotice
          access={access.data.project}
          kind="vote"
          locale={locale}
          onJoined={access.reload}
        />
      )}
      <div className="vote-layout">
        <nav className="panel" aria-labelledby="needs-votes-heading">
          <h2 id="needs-votes-heading">{t('vote.needsVotes')}</h2>
          {strings.state === 'loading' && <Loading />}
          {strings.state === 'error' && <ErrorMessage message={strings.message} />}
          {strings.state === 'ready' &&
            (strings.data.strings.edges.length === 0 ? (
              <p className="muted">{t('vote.nothingToVote')}</p>
            ) : (
              <ul className="search-results">
                {strings.data.strings.edges.map(({ node }) => (
                  <li key={node.id}>
                    <button
                      type="button"
                      className="link-button"
                      aria-current={node.id === selected ? 'true' : undefined}
                      onClick={() => open(node.id)}
                    >
                      <code>{node.key}</code>{' '}
                      <TokenizedText text={node.sourceForms[0]?.text ?? ''} />
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </nav>
        <div>
          {selected === null ? (
            <p>{t('vote.pick')}</p>
          ) : (
            <VotePanel
              key={selected}
              project={slug}
              locale={locale}
              stringId={selected}
              canVote={canVote}
            />
          )}
        </div>
      </div>
    </>
  );
}
