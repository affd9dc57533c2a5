import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTerm } from '../api/glossary-operations';
import { SUBMIT_TRANSLATION } from '../api/translation-operations';
import { errorMessage, request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { VotePanel } from '../vote/vote-panel';

/**
 * A term's translations in one locale: propose one, and vote on the candidates (the term's string
 * goes through the same rounds as any string; managers approve as they do for strings).
 */
export function TermTranslations({
  project,
  locale,
  term,
  onChanged,
}: {
  readonly project: string;
  readonly locale: string;
  readonly term: GlossaryTerm;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const propose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    request(SUBMIT_TRANSLATION, {
      input: { stringId: term.stringId, locale, forms: [{ category: '', text: text.trim() }] },
    })
      .then(() => {
        setText('');
        setVersion((v) => v + 1);
        onChanged();
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="term-translations">
      <form onSubmit={propose} aria-label={t('glossary.proposeFor', { term: term.term })}>
        <label htmlFor={`${id}-text`}>{t('glossary.propose', { locale })}</label>{' '}
        <input
          id={`${id}-text`}
          value={text}
          maxLength={200}
          required
          onChange={(e) => setText(e.target.value)}
        />{' '}
        <button type="submit" disabled={busy || text.trim() === ''}>
          {t('glossary.proposeButton')}
        </button>
      </form>
      {error !== null && <ErrorMessage message={error} />}
      <VotePanel key={version} project={project} locale={locale} stringId={term.stringId} />
    </div>
  );
}
