import { useTranslation } from 'react-i18next';
import { AdminSection } from '../admin/admin-section';
import { NeedsDecisionLink, useManagedLocales } from './needs-decision-link';

/** The admin page's way into the *needs a decision* queue of each locale the viewer decides in. */
export function DecisionsAdminPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const managed = useManagedLocales(project);
  if (managed.length === 0) return null;
  return (
    <AdminSection title={t('admin.decisions.title')}>
      <p>{t('admin.decisions.intro')}</p>
      <ul>
        {managed.map((locale) => (
          <li key={locale}>
            <strong>{locale}</strong>: <NeedsDecisionLink project={project} locale={locale} />
          </li>
        ))}
      </ul>
    </AdminSection>
  );
}
