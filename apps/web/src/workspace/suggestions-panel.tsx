import { useTranslation } from 'react-i18next';
import { SUGGESTIONS } from '../api/translation-operations';
import type { Form } from '../api/types';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { FormsText } from '../text/forms-text';
import { TokenizedText } from '../text/tokenized-text';
import { useQuery } from '../use-query';

/** Translation memory: similar strings already decided, with how similar they are. */
export function SuggestionsPanel({
  stringId,
  locale,
  onUse,
}: {
  readonly stringId: string;
  readonly locale: string;
  readonly onUse: (forms: readonly Form[]) => void;
}) {
  const { t } = useTranslation();
  const suggestions = useQuery(
    () => request(SUGGESTIONS, { stringId, locale }),
    `${stringId}/${locale}`,
  );
  return (
    <section className="panel" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t('workspace.suggestions')}</h2>
      {suggestions.state === 'error' && <ErrorMessage message={suggestions.message} />}
      {suggestions.state === 'ready' &&
        (suggestions.data.suggestions.length === 0 ? (
          <p className="muted">{t('workspace.noSuggestions')}</p>
        ) : (
          <ul className="suggestions">
            {suggestions.data.suggestions.map((s, index) => (
              <li key={index}>
                <span className="similarity">
                  {t('workspace.similarity', { percent: Math.round(s.similarity * 100) })}
                </span>{' '}
                <span className="muted">
                  <TokenizedText text={s.sourceText} />
                </span>
                <FormsText forms={s.forms} />
                <button type="button" onClick={() => onUse(s.forms)}>
                  {t('workspace.useSuggestion')}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
