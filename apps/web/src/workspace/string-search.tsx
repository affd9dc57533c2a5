import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STRINGS, type StringPage } from '../api/translation-operations';
import type { StringFilter } from '../api/types';
import { errorMessage, request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { TokenizedText } from '../text/tokenized-text';

/** Finds strings by key or text (the API's `strings` search) and opens one in the editor. */
export function StringSearch({
  project,
  locale,
  filter,
  onOpen,
}: {
  readonly project: string;
  readonly locale: string;
  readonly filter: StringFilter;
  readonly onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [results, setResults] = useState<StringPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const search = String(new FormData(event.currentTarget).get('search') ?? '').trim();
    setError(null);
    request(STRINGS, { project, locale, filter, search: search === '' ? null : search, first: 20 })
      .then((d) => setResults(d.strings))
      .catch((e: unknown) => setError(errorMessage(e)));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('workspace.search.title')}</h2>
      <form role="search" onSubmit={onSubmit} className="inline-form">
        <label htmlFor={id}>{t('workspace.search.label')}</label>
        <input id={id} name="search" type="search" />
        <button type="submit">{t('workspace.search.submit')}</button>
      </form>
      {error !== null && <ErrorMessage message={error} />}
      {results !== null && (
        <>
          <p className="muted">{t('workspace.search.count', { count: results.totalCount })}</p>
          <ul className="search-results">
            {results.edges.map(({ node }) => (
              <li key={node.id}>
                <button type="button" className="link-button" onClick={() => onOpen(node.id)}>
                  <code>{node.key}</code> <TokenizedText text={node.sourceForms[0]?.text ?? ''} />
                </button>{' '}
                <span className="badge">{t(`status.${node.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
