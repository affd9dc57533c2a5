import { useTranslation } from 'react-i18next';
import type { TranslatableString } from '../api/types';
import { FormsText } from '../text/forms-text';
import type { TextMark } from '../text/tokenized-text';
import { ScreenshotPanel } from './screenshot-panel';

/**
 * What the volunteer translates: the source forms (as text, tags as tokens) and its context;
 * `marks` highlights parts of each form (the glossary terms, with their translation as tooltip).
 */
export function SourcePanel({
  unit,
  marks,
}: {
  readonly unit: TranslatableString;
  readonly marks?: (text: string) => readonly TextMark[];
}) {
  const { t } = useTranslation();
  return (
    <section className="source-panel" aria-labelledby="source-heading">
      <h2 id="source-heading">{t('workspace.source')}</h2>
      <div className="source-text" data-testid="source-text">
        <FormsText forms={unit.sourceForms} marks={marks} />
      </div>
      <dl className="meta">
        <dt>{t('workspace.key')}</dt>
        <dd>
          <code>
            {unit.namespace}:{unit.key}
          </code>
        </dd>
        {unit.context !== null && (
          <>
            <dt>{t('workspace.context')}</dt>
            <dd>{unit.context}</dd>
          </>
        )}
        {unit.description !== null && (
          <>
            <dt>{t('workspace.description')}</dt>
            <dd>{unit.description}</dd>
          </>
        )}
        {unit.maxLength !== null && (
          <>
            <dt>{t('workspace.maxLength')}</dt>
            <dd>{t('workspace.characters', { count: unit.maxLength })}</dd>
          </>
        )}
      </dl>
      <ScreenshotPanel keyName={unit.key} screenshots={unit.screenshots ?? []} />
    </section>
  );
}
