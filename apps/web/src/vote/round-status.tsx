import { useTranslation } from 'react-i18next';
import type { Round } from '../api/types';
import { formatDateTime, formatDuration, formatRelative } from '../text/time';
import { RoundNeeds } from './round-needs';
import { useNow } from './use-now';

/**
 * The round in human units (Intl, the UI language): its length, when it ends or ended, and what it
 * still needs. `now` is injectable so tests do not race the clock.
 */
export function RoundStatus({
  round,
  votesNeeded,
  now,
}: {
  readonly round: Round;
  readonly votesNeeded: number | null;
  readonly now?: number;
}) {
  const { t, i18n } = useTranslation();
  const ticking = useNow();
  const at = now ?? ticking;
  const language = i18n.language;
  const open = round.deadline !== null && round.closedAt === null;
  const length = round.duration;
  return (
    <div className="round-status" data-testid="round-status">
      <p>
        {t('vote.round', { number: round.number })}:{' '}
        <strong>{t(`roundState.${round.state}`)}</strong>
        {length !== null && length > 0 && round.needsDecision === null && (
          <> · {t('vote.roundLength', { duration: formatDuration(length, language) })}</>
        )}
        {open && round.deadline !== null && round.needsDecision === null && (
          <>
            {' '}
            ·{' '}
            <span data-testid="round-ends">
              {t('vote.endsIn', {
                relative: formatRelative(Date.parse(round.deadline), at, language),
                time: formatDateTime(round.deadline, language),
              })}
            </span>
          </>
        )}
        {round.closedAt !== null && (
          <> · {t('vote.closedAt', { time: formatDateTime(round.closedAt, language) })}</>
        )}
      </p>
      <RoundNeeds round={round} votesNeeded={votesNeeded} />
    </div>
  );
}
