import { useTranslation } from 'react-i18next';
import type { Form } from '../api/types';
import { TokenizedText } from './tokenized-text';

/** A candidate's or source's forms: one line for a simple string, one labelled line per plural form. */
export function FormsText({ forms }: { readonly forms: readonly Form[] }) {
  const { t } = useTranslation();
  if (forms.length === 1 && forms[0]?.category === '') {
    return <TokenizedText text={forms[0].text} />;
  }
  return (
    <dl className="forms">
      {forms.map((form) => (
        <div key={form.category} className="form-row">
          <dt>{t(`plural.category.${form.category}`, { defaultValue: form.category })}</dt>
          <dd>
            <TokenizedText text={form.text} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
