import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NEEDS_DECISION,
  type NeedsDecisionEntry,
  ROUND_NEEDS_DECISION,
} from '../api/voting-operations';
import { errorMessage, request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { Link } from '../router/router';
import { subscribe } from '../subscriptions';
import { DecisionItem } from './decision-item';

const PAGE = 20;

type Queue =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | {
      readonly state: 'ready';
      readonly items: readonly NeedsDecisionEntry[];
      readonly next: string | null;
    };

/**
 * The language manager's *needs a decision* queue (issue 17): strings whose round reached its
 * deadline undecided. Live through `roundNeedsDecision`; an approval removes the string at once.
 */
export function NeedsDecisionPage({
  slug,
  locale,
}: {
  readonly slug: string;
  readonly locale: string;
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [queue, setQueue] = useState<Queue>({ state: 'loading' });
  const [reason, setReason] = useState('');
  const [approved, setApproved] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    (after: string | null, keep: readonly NeedsDecisionEntry[]) => {
      const mine = ++generation.current;
      request(NEEDS_DECISION, { project: slug, locale, first: PAGE, after }).then(
        (d) => {
          if (generation.current !== mine) return;
          const seen = new Set(keep.map((e) => e.roundId));
          setQueue({
            state: 'ready',
            items: [...keep, ...d.needsDecision.items.filter((e) => !seen.has(e.roundId))],
            next: d.needsDecision.nextCursor,
          });
        },
        (e: unknown) => {
          if (generation.current === mine) setQueue({ state: 'error', message: errorMessage(e) });
        },
      );
    },
    [slug, locale],
  );

  useEffect(() => {
    load(null, []);
    // A round landing in the queue reloads the first page; the list never blanks meanwhile.
    return subscribe(ROUND_NEEDS_DECISION, { project: slug, locale }, () => load(null, []));
  }, [slug, locale, load]);

  const onApproved = (entry: NeedsDecisionEntry) => {
    setApproved(entry.key);
    setQueue((q) =>
      q.state === 'ready' ? { ...q, items: q.items.filter((e) => e.roundId !== entry.roundId) } : q,
    );
  };

  return (
    <>
      <PageHeading>{t('decisions.title', { locale })}</PageHeading>
      <p>
        <Link to={{ name: 'dashboard', slug }}>{t('workspace.backToProject')}</Link> ·{' '}
        <Link to={{ name: 'admin', slug }}>{t('dashboard.admin')}</Link>
      </p>
      <p>{t('decisions.intro')}</p>
      <p className="muted">{t('decisions.live')}</p>
      <p role="status" data-testid="decision-status">
        {approved !== null && t('decisions.approved', { key: approved })}
      </p>
      <div className="inline-form">
        <label htmlFor={reasonId}>{t('decisions.reason')}</label>
        <input
          id={reasonId}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {queue.state === 'loading' && <Loading />}
      {queue.state === 'error' && <ErrorMessage message={queue.message} />}
      {queue.state === 'ready' && (
        <>
          {queue.items.length === 0 ? (
            <p data-testid="decisions-empty">{t('decisions.empty')}</p>
          ) : (
            <ul className="decision-queue">
              {queue.items.map((entry) => (
                <DecisionItem
                  key={entry.roundId}
                  project={slug}
                  entry={entry}
                  reason={reason}
                  onApproved={onApproved}
                />
              ))}
            </ul>
          )}
          {queue.next !== null && (
            <button type="button" onClick={() => load(queue.next, queue.items)}>
              {t('decisions.loadMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
