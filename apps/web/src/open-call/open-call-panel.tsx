import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectAccess, SET_LOCALE_GOAL, SET_PROJECT_OPEN } from '../api/open-call-operations';
import { AdminSection } from '../admin/admin-section';
import { useMutation } from '../admin/use-mutation';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { GoalLine } from './goal-line';

function codes(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** Owners: open the project to volunteers, say which locales want help, set goals, export credits. */
export function OpenCallPanel({
  project,
  onChanged,
}: {
  readonly project: ProjectAccess;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const open = useMutation();
  const goal = useMutation();

  const onOpen = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    open.run(
      () =>
        request(SET_PROJECT_OPEN, {
          project: project.slug,
          open: form.get('open') === 'on',
          helpWantedLocales: codes(String(form.get('helpWanted') ?? '')),
        }),
      onChanged,
    );
  };

  const onGoal = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = String(form.get('target') ?? '').trim();
    goal.run(
      () =>
        request(SET_LOCALE_GOAL, {
          project: project.slug,
          locale: String(form.get('locale') ?? '').trim(),
          targetPercent: target === '' ? null : Number(target),
          dueDate: String(form.get('due') ?? '') || null,
        }),
      onChanged,
    );
  };

  const credits = (ext: 'csv' | 'md') =>
    `/api/projects/${encodeURIComponent(project.slug)}/contributors.${ext}`;

  return (
    <AdminSection title={t('openCall.admin.title')}>
      <form onSubmit={onOpen} className="form">
        <label>
          <input type="checkbox" name="open" defaultChecked={project.open} />{' '}
          {t('openCall.admin.open')}
        </label>
        <label htmlFor={`${id}-wanted`}>{t('openCall.admin.helpWanted')}</label>
        <input
          id={`${id}-wanted`}
          name="helpWanted"
          defaultValue={project.helpWantedLocales.join(', ')}
          maxLength={500}
        />
        <button type="submit" disabled={open.busy}>
          {t('openCall.admin.save')}
        </button>
        {open.error !== null && <ErrorMessage message={open.error} />}
      </form>
      <h3>{t('openCall.goals.title')}</h3>
      {project.goals.length === 0 ? (
        <p className="muted">{t('openCall.goals.none')}</p>
      ) : (
        <ul>
          {project.goals.map((g) => (
            <li key={g.locale}>
              <GoalLine goal={g} />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onGoal} className="form">
        <label htmlFor={`${id}-locale`}>{t('openCall.goals.locale')}</label>
        <input id={`${id}-locale`} name="locale" required maxLength={35} />
        <label htmlFor={`${id}-target`}>{t('openCall.goals.target')}</label>
        <input id={`${id}-target`} name="target" type="number" min={1} max={100} />
        <label htmlFor={`${id}-due`}>{t('openCall.goals.due')}</label>
        <input id={`${id}-due`} name="due" type="date" />
        <p className="hint">{t('openCall.goals.hint')}</p>
        <button type="submit" disabled={goal.busy}>
          {t('openCall.goals.save')}
        </button>
        {goal.error !== null && <ErrorMessage message={goal.error} />}
      </form>
      <h3>{t('openCall.credits.title')}</h3>
      <p>
        <a href={credits('md')} download>
          {t('openCall.credits.markdown')}
        </a>{' '}
        ·{' '}
        <a href={credits('csv')} download>
          {t('openCall.credits.csv')}
        </a>
      </p>
    </AdminSection>
  );
}
