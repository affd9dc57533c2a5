import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTS_OF_SPEECH, type GlossaryTerm, type TermInput } from '../api/glossary-operations';

/** Add a term (with its text) or edit one (flags and description only: the text is fixed). */
export function TermForm({
  initial,
  busy,
  onSave,
  onCancel,
}: {
  readonly initial: GlossaryTerm | null;
  readonly busy: boolean;
  readonly onSave: (term: string, input: TermInput) => void;
  readonly onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [term, setTerm] = useState(initial?.term ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [partOfSpeech, setPartOfSpeech] = useState(initial?.partOfSpeech ?? '');
  const [caseSensitive, setCaseSensitive] = useState(initial?.caseSensitive ?? false);
  const [doNotTranslate, setDoNotTranslate] = useState(initial?.doNotTranslate ?? false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(term.trim(), {
      description: description.trim(),
      partOfSpeech: partOfSpeech === '' ? null : partOfSpeech,
      caseSensitive,
      doNotTranslate,
    });
  };
  return (
    <form className="card term-form" onSubmit={submit} aria-label={t('glossary.termForm')}>
      {initial === null && (
        <p>
          <label htmlFor={`${id}-term`}>{t('glossary.term')}</label>
          <input
            id={`${id}-term`}
            value={term}
            maxLength={200}
            required
            onChange={(e) => setTerm(e.target.value)}
          />
        </p>
      )}
      <p>
        <label htmlFor={`${id}-description`}>{t('glossary.description')}</label>
        <textarea
          id={`${id}-description`}
          value={description}
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
        />
      </p>
      <p>
        <label htmlFor={`${id}-pos`}>{t('glossary.partOfSpeech')}</label>{' '}
        <select
          id={`${id}-pos`}
          value={partOfSpeech}
          onChange={(e) => setPartOfSpeech(e.target.value)}
        >
          <option value="">{t('glossary.pos.none')}</option>
          {PARTS_OF_SPEECH.map((p) => (
            <option key={p} value={p}>
              {t(`glossary.pos.${p}`)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={caseSensitive}
            onChange={(e) => setCaseSensitive(e.target.checked)}
          />{' '}
          {t('glossary.caseSensitive')}
        </label>{' '}
        <label>
          <input
            type="checkbox"
            checked={doNotTranslate}
            onChange={(e) => setDoNotTranslate(e.target.checked)}
          />{' '}
          {t('glossary.doNotTranslate')}
        </label>
      </p>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {initial === null ? t('glossary.add') : t('glossary.save')}
        </button>
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel}>
            {t('glossary.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
