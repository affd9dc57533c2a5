import type { Finding } from '@chorus/translation-core';
import { useTranslation } from 'react-i18next';

/** Check results: errors block submitting, warnings are advice. Messages by code, per form. */
export function FindingsList({ findings }: { readonly findings: readonly Finding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <ul className="findings" aria-label={t('workspace.checks')}>
      {findings.map((finding, index) => (
        <li
          key={index}
          className={finding.severity === 'error' ? 'finding-error' : 'finding-warning'}
        >
          <strong>
            {finding.severity === 'error' ? t('workspace.error') : t('workspace.warning')}
          </strong>{' '}
          {finding.form !== '' && (
            <span className="muted">
              ({t(`plural.category.${finding.form}`, { defaultValue: finding.form })}){' '}
            </span>
          )}
          {t(`checks.${finding.code}`, { defaultValue: finding.message })}{' '}
          <code className="muted">{finding.code}</code>
        </li>
      ))}
    </ul>
  );
}
