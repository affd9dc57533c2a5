import { useTranslation } from 'react-i18next';
import { CANDIDATES } from '../api/translation-operations';
import { APPROVE_CANDIDATE, type NeedsDecisionEntry } from '../api/voting-operations';
import { request } from '../graphql-client';
import { useMutation } from '../admin/use-mutation';
import { ErrorMessage, Loading } from '../pages/load-state';
import { routePath } from '../router/routes';
import { FormsText } from '../text/forms-text';
import { formatDateTime } from '../text/time';
import { useQuery } from '../use-query';

/**
 * One string in the manager's queue: what was missing, its candidates with their tallies, and an
 * approve button per eligible candidate (the approval decides at once, logged with `reason`).
 */
export function DecisionItem({
  project,
  entry,
  reason,
  onApproved,
}: {
  readonly project: string;
  readonly entry: NeedsDecisionEntry;
  readonly reason: string;
  readonly onApproved: (entry: NeedsDecisionEntry) => void;
}) {
  const { t, i18n } = useTranslation();
  const list = useQuery(
    () => request(CANDIDATES, { stringId: entry.stringId, locale: entry.locale }),
    `${entry.stringId}/${entry.roundId}`,
  );
  const { busy, error, run } = useMutation();
  const headingId = `decision-${entry.roundId}`;
  const voteHref = `${routePath({ name: 'vote', slug: project, locale: entry.locale })}?string=${encodeURIComponent(entry.stringId)}`;
  const needs = entry.needsDecision;
  return (
    <li aria-labelledby={headingId} data-testid="decision-item">
      <h2 id={headingId}>
        <code>{entry.key}</code>
      </h2>
      <p>
        {needs.extendedUntil === null
          ? t('decisions.closedUndecided')
          : t('vote.extendedUntil', {
              time: formatDateTime(needs.extendedUntil, i18n.language),
            })}{' '}
        <a href={voteHref}>{t('decisions.openVote')}</a>
      </p>
      {needs.reasons.length > 0 && (
        <ul className="reasons" aria-label={t('vote.missing')}>
          {needs.reasons.map((code) => (
            <li key={code}>{t(`reasons.${code}`, { defaultValue: code })}</li>
          ))}
        </ul>
      )}
      {list.state === 'loading' && <Loading />}
      {list.state === 'error' && <ErrorMessage message={list.message} />}
      {list.state === 'ready' &&
        (list.data.candidates.candidates.filter((c) => c.eligible && c.status === 'ACTIVE')
          .length === 0 ? (
          <p>{t('decisions.noCandidates')}</p>
        ) : (
          <ol className="candidate-grid">
            {list.data.candidates.candidates.map((candidate, index) =>
              candidate.eligible && candidate.status === 'ACTIVE' ? (
                <li key={candidate.id} className="candidate-card">
                  <div className="candidate-text">
                    <FormsText forms={candidate.forms} />
                  </div>
                  {candidate.tally !== null && (
                    <p className="muted">
                      {t('vote.tally', {
                        up: candidate.tally.upvoters,
                        down: candidate.tally.downvoters,
                        score: candidate.tally.score.toFixed(2),
                      })}
                    </p>
                  )}
                  <button
                    type="button"
                    disabled={busy || reason.trim() === ''}
                    onClick={() =>
                      run(
                        () =>
                          request(APPROVE_CANDIDATE, { id: candidate.id, reason: reason.trim() }),
                        () => onApproved(entry),
                      )
                    }
                  >
                    {t('decisions.approve', { n: index + 1 })}
                  </button>
                </li>
              ) : null,
            )}
          </ol>
        ))}
      {error !== null && <ErrorMessage message={error} />}
    </li>
  );
}
