import { useTranslation } from 'react-i18next';
import type { GlossaryHit } from '../api/glossary-operations';

/** The glossary terms found in the source, each with its approved translation (or the rule to keep it). */
export function GlossaryPanel({ hits }: { readonly hits: readonly GlossaryHit[] }) {
  const { t } = useTranslation();
  if (hits.length === 0) return null;
  return (
    <section className="card glossary-panel" aria-labelledby="glossary-hits-heading">
      <h2 id="glossary-hits-heading">{t('glossary.hitsTitle')}</h2>
      <ul className="plain-list" data-testid="glossary-hits">
        {hits.map((hit) => (
          <li key={hit.term.id} title={hit.term.description}>
            <mark>{hit.text}</mark> →{' '}
            {hit.term.doNotTranslate ? (
              <strong>{t('glossary.keepAsIs', { term: hit.term.term })}</strong>
            ) : hit.term.translation !== null ? (
              <strong lang="">{hit.term.translation}</strong>
            ) : (
              <span className="muted">{t('glossary.noApproved')}</span>
            )}
            {hit.term.description !== '' && <div className="muted">{hit.term.description}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
