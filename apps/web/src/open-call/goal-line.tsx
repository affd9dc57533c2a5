import { useTranslation } from 'react-i18next';
import type { LocaleGoal } from '../api/open-call-operations';

/** "pl: 100% by 2027-01-31 — now 42%, 12 days left" with a progress bar. */
export function GoalLine({ goal }: { readonly goal: LocaleGoal }) {
  const { t } = useTranslation();
  const time = goal.reached
    ? t('openCall.goals.reached')
    : goal.daysLeft > 0
      ? t('openCall.goals.daysLeft', { count: goal.daysLeft })
      : t('openCall.goals.overdue');
  return (
    <span className="goal-line">
      {t('openCall.goals.line', {
        locale: goal.locale,
        target: goal.targetPercent,
        date: goal.dueDate,
        coverage: goal.coverage,
      })}{' '}
      <progress max={goal.targetPercent} value={Math.min(goal.coverage, goal.targetPercent)} />{' '}
      <span className="muted">{time}</span>
    </span>
  );
}
