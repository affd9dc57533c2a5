import { useTranslation } from 'react-i18next';
import type { Round } from '../api/types';
import { formatDateTime } from '../text/time';

/** What the round still needs: more votes, the scores, or a language manager (with what was missing). */
export function RoundNeeds({
  round,
  votesNeeded,
}: {
  readonly round: Round;
  readonly votesNeeded: number | null;
}) {
  const { t, i18n } = useTranslation();
  const needs = round.needsDecision;
  if (needs !== null) {
    return (
      <div className="notice" data-testid="round-needs">
        <p>
          <strong>{t('vote.waitingForManager')}</strong>
          {needs.extendedUntil !== null && (
            <>
              {' '}
              {t('vote.extendedUntil', {
                time: formatDateTime(needs.extendedUntil, i18n.language),
              })}
            </>
          )}
        </p>
        {needs.reasons.length > 0 && (
          <>
            <p>{t('vote.missing')}</p>
            <ul className="reasons">
              {needs.reasons.map((reason) => (
                <li key={reason}>{t(`reasons.${reason}`, { defaultValue: reason })}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  if (round.state !== 'COLLECTING' || votesNeeded === null) return null;
  return (
    <p data-testid="round-needs">
      {votesNeeded > 0 ? t('vote.stillNeeds', { count: votesNeeded }) : t('vote.scoresDecide')}
    </p>
  );
}
