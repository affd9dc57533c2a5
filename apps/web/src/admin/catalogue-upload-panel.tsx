import { type DragEvent, type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ImportSummary,
  type UploadFormat,
  type UploadProgress,
  uploadCatalogue,
} from '../api/catalogue-upload';
import { errorMessage } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { AdminSection } from './admin-section';

/** Upload an i18next JSON catalogue (source, or a locale's existing translations) by drop or picker. */
export function CatalogueUploadPanel({
  project,
  onImported,
}: {
  readonly project: string;
  readonly onImported: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped !== undefined) setFile(dropped);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (file === null) return;
    const form = new FormData(event.currentTarget);
    const locale = String(form.get('locale') ?? '').trim();
    const chosen = String(form.get('format') ?? 'auto');
    const format: UploadFormat = chosen === 'v3' || chosen === 'v4' ? chosen : 'auto';
    setError(null);
    setSummary(null);
    setProgress({ phase: 'uploading', percent: 0 });
    uploadCatalogue({
      project,
      namespace: String(form.get('namespace') ?? 'translation').trim() || 'translation',
      locale: locale === '' ? null : locale,
      format,
      file,
      onProgress: setProgress,
    })
      .then((result) => {
        setSummary(result);
        onImported();
      })
      .catch((e: unknown) => {
        setProgress(null);
        setError(errorMessage(e));
      });
  };

  return (
    <AdminSection title={t('admin.upload.title')}>
      <form onSubmit={onSubmit} className="form">
        <label htmlFor={`${id}-namespace`}>{t('admin.upload.namespace')}</label>
        <input id={`${id}-namespace`} name="namespace" defaultValue="translation" required />
        <label htmlFor={`${id}-locale`}>{t('admin.upload.locale')}</label>
        <input id={`${id}-locale`} name="locale" aria-describedby={`${id}-locale-hint`} />
        <p id={`${id}-locale-hint`} className="hint">
          {t('admin.upload.localeHint')}
        </p>
        <label htmlFor={`${id}-format`}>{t('admin.upload.format')}</label>
        <select
          id={`${id}-format`}
          name="format"
          defaultValue="auto"
          aria-describedby={`${id}-format-hint`}
        >
          <option value="auto">{t('admin.upload.formatAuto')}</option>
          <option value="v4">{t('admin.upload.formatV4')}</option>
          <option value="v3">{t('admin.upload.formatV3')}</option>
        </select>
        <p id={`${id}-format-hint`} className="hint">
          {t('admin.upload.formatHint')}
        </p>
        <div
          className={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <p>{t('admin.upload.drop')}</p>
          <label htmlFor={`${id}-file`}>{t('admin.upload.choose')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {file !== null && <p>{t('admin.upload.selected', { name: file.name })}</p>}
        </div>
        <button type="submit" disabled={file === null}>
          {t('admin.upload.submit')}
        </button>
      </form>
      {progress !== null && (
        <div>
          <label htmlFor={`${id}-progress`}>{t(`admin.upload.phase.${progress.phase}`)}</label>{' '}
          <progress id={`${id}-progress`} max={100} value={progress.percent}>
            {progress.percent}%
          </progress>
        </div>
      )}
      {summary !== null && (
        <p role="status" data-testid="import-summary">
          {t('admin.upload.summary', {
            added: summary.added,
            changed: summary.changed,
            removed: summary.removed,
            unchanged: summary.unchanged,
          })}
          {summary.jsonFormat !== undefined &&
            ` ${t('admin.upload.formatUsed', { format: summary.jsonFormat })}`}
        </p>
      )}
      {summary !== null && summary.warnings.length > 0 && (
        <ul className="findings">
          {summary.warnings.map((w, i) => (
            <li key={i} className="finding-warning">
              {w.message}
            </li>
          ))}
          {(summary.warningCount ?? 0) > summary.warnings.length && (
            <li className="finding-warning">
              {t('admin.upload.moreWarnings', {
                count: (summary.warningCount ?? 0) - summary.warnings.length,
              })}
            </li>
          )}
        </ul>
      )}
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
