import { useTranslation } from 'react-i18next';
import type { Form } from '../api/types';
import { TokenizedText, type TextMark } from './tokenized-text';

/**
 * A candidate's or source's forms: one line for a simple string, one labelled line per plural form.
 * `marks` (optional) gives the stretches of each form's text to mark, e.g. glossary terms.
 */
export function FormsText({
  forms,
  marks,
}: {
  readonly forms: readonly Form[];
  readonly marks?: (text: string) => readonly TextMark[];
}) {
  const { t } = useTranslation();
  if (forms.length === 1 && forms[0]?.category === '') {
    return <TokenizedText text={forms[0].text} marks={marks?.(forms[0].text)} />;
  }
  return (
    <dl className="forms">
      {forms.map((form) => (
        <div key={form.category} className="form-row">
          <dt>{t(`plural.category.${form.category}`, { defaultValue: form.category })}</dt>
          <dd>
            <TokenizedText text={form.text} marks={marks?.(form.text)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
