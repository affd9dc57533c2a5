import { useTranslation } from 'react-i18next';
import { MANAGED_LOCALES, NEEDS_DECISION } from '../api/voting-operations';
import { request } from '../graphql-client';
import { Link } from '../router/router';
import { useQuery } from '../use-query';

/** Largest page the API serves: the link counts up to this many strings ("100+" beyond). */
const COUNT_UP_TO = 100;

/** The locales of a project where the viewer decides (empty for visitors and volunteers). */
export function useManagedLocales(slug: string): readonly string[] {
  const managed = useQuery(() => request(MANAGED_LOCALES, { slug }), slug);
  return managed.state === 'ready' ? managed.data.project.viewerCan.managedLocales : [];
}

/** "3 strings need a decision" → the manager's queue of one locale. Render only where managed. */
export function NeedsDecisionLink({
  project,
  locale,
}: {
  readonly project: string;
  readonly locale: string;
}) {
  const { t } = useTranslation();
  const queue = useQuery(
    () => request(NEEDS_DECISION, { project, locale, first: COUNT_UP_TO, after: null }),
    `${project}/${locale}`,
  );
  const count = queue.state === 'ready' ? queue.data.needsDecision.items.length : null;
  const more = queue.state === 'ready' && queue.data.needsDecision.nextCursor !== null;
  return (
    <Link to={{ name: 'decisions', slug: project, locale }}>
      {count === null
        ? t('admin.decisions.open', { locale })
        : `${t('dashboard.needsDecision', { count })}${more ? '+' : ''}`}
    </Link>
  );
}
