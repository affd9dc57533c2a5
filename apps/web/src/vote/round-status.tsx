import { useTranslation } from 'react-i18next';
import type { Round } from '../api/types';

export function RoundStatus({ round }: { readonly round: Round }) {
  const { t, i18n } = useTranslation();
  const format = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  return (
    <p className="round-status" data-testid="round-status">
      {t('vote.round', { number: round.number })}: <strong>{t(`roundState.${round.state}`)}</strong>
      {round.deadline !== null && round.closedAt === null && (
        <> · {t('vote.deadline', { time: format(round.deadline) })}</>
      )}
      {round.closedAt !== null && <> · {t('vote.closedAt', { time: format(round.closedAt) })}</>}
    </p>
  );
}
