import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CREATE_GLOSSARY_TERM,
  DELETE_GLOSSARY_TERM,
  GLOSSARY_EXPORT,
  GLOSSARY_TERMS,
  UPDATE_GLOSSARY_TERM,
  type GlossaryFormat,
  type GlossaryTerm,
  type TermInput,
} from '../api/glossary-operations';
import { importGlossary } from '../api/glossary-upload';
import { PROJECT_ACCESS } from '../api/open-call-operations';
import { errorMessage, request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { Link } from '../router/router';
import { useQuery } from '../use-query';
import { TermForm } from './term-form';
import { TermTranslations } from './term-translations';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The project glossary in one locale: terms with approved translations. Adding, editing, deleting
 * and importing terms are offered only to viewers the permission table lets manage the glossary
 * (Project.viewerCan); everyone may export and see the terms' translations.
 */
export function GlossaryPage({ slug, locale }: { readonly slug: string; readonly locale: string }) {
  const { t } = useTranslation();
  const terms = useQuery(
    () => request(GLOSSARY_TERMS, { project: slug, locale }),
    `${slug}/${locale}`,
  );
  const access = useQuery(() => request(PROJECT_ACCESS, { slug }), slug);
  const manages =
    access.state === 'ready' && access.data.project.viewerCan.actions.includes('glossary.manage');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [imported, setImported] = useState<string | null>(null);
  const fileId = useId();

  const run = (work: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setError(null);
    work()
      .then(() => {
        after?.();
        terms.reload();
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  const create = (term: string, input: TermInput) =>
    run(
      () => request(CREATE_GLOSSARY_TERM, { project: slug, term, ...input }),
      () => setFormKey((k) => k + 1),
    );
  const update = (id: string, input: TermInput) =>
    run(
      () => request(UPDATE_GLOSSARY_TERM, { project: slug, id, ...input }),
      () => setEditing(null),
    );
  const remove = (term: GlossaryTerm) => {
    if (!window.confirm(t('glossary.confirmDelete', { term: term.term }))) return;
    run(() => request(DELETE_GLOSSARY_TERM, { project: slug, id: term.id }));
  };
  const importFile = (file: File) =>
    run(async () => {
      setImported(null);
      const result = await importGlossary(slug, file);
      setImported(
        t('glossary.imported', {
          created: result.created,
          updated: result.updated,
          translations: result.translations,
        }) +
          (result.skippedLocales.length > 0
            ? ` ${t('glossary.skippedLocales', { locales: result.skippedLocales.join(', ') })}`
            : ''),
      );
    });
  const exportAs = (format: GlossaryFormat) =>
    run(async () => {
      const { glossaryExport } = await request(GLOSSARY_EXPORT, { project: slug, format });
      download(
        `${slug}-glossary.${format.toLowerCase()}`,
        glossaryExport,
        format === 'CSV' ? 'text/csv' : 'application/x-tbx+xml',
      );
    });

  return (
    <>
      <PageHeading>{t('glossary.title', { locale })}</PageHeading>
      <p>
        <Link to={{ name: 'dashboard', slug }}>{t('workspace.backToProject')}</Link> ·{' '}
        <Link to={{ name: 'translate', slug, locale }}>{t('glossary.goTranslate')}</Link>
      </p>
      <p className="toolbar">
        <button type="button" onClick={() => exportAs('CSV')} disabled={busy}>
          {t('glossary.exportCsv')}
        </button>{' '}
        <button type="button" onClick={() => exportAs('TBX')} disabled={busy}>
          {t('glossary.exportTbx')}
        </button>{' '}
        {manages && (
          <>
            <label htmlFor={fileId}>{t('glossary.importFile')}</label>{' '}
            <input
              id={fileId}
              type="file"
              accept=".csv,.tbx,.xml,text/csv,application/xml"
              disabled={busy}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file !== undefined) importFile(file);
                event.target.value = '';
              }}
            />
          </>
        )}
      </p>
      <p role="status" className="muted" data-testid="glossary-status">
        {imported ?? ''}
      </p>
      {error !== null && <ErrorMessage message={error} />}
      {manages && (
        <details className="card">
          <summary>{t('glossary.addTitle')}</summary>
          <TermForm key={formKey} initial={null} busy={busy} onSave={create} />
        </details>
      )}
      {terms.state === 'loading' && <Loading />}
      {terms.state === 'error' && <ErrorMessage message={terms.message} />}
      {terms.state === 'ready' &&
        (terms.data.glossaryTerms.length === 0 ? (
          <p className="muted">{t('glossary.empty')}</p>
        ) : (
          <ul className="glossary-list" data-testid="glossary-terms">
            {terms.data.glossaryTerms.map((term) => (
              <li key={term.id} className="card">
                <h3>
                  {term.term}{' '}
                  {term.partOfSpeech !== null && (
                    <span className="badge">{t(`glossary.pos.${term.partOfSpeech}`)}</span>
                  )}
                  {term.doNotTranslate && (
                    <span className="badge">{t('glossary.doNotTranslate')}</span>
                  )}
                  {term.caseSensitive && (
                    <span className="badge">{t('glossary.caseSensitive')}</span>
                  )}
                </h3>
                {term.description !== '' && <p className="muted">{term.description}</p>}
                <p>
                  {t('glossary.approved')}{' '}
                  {term.translation !== null ? (
                    <strong>{term.translation}</strong>
                  ) : (
                    <span className="muted">{t('glossary.noApproved')}</span>
                  )}
                </p>
                <div className="actions">
                  <button type="button" onClick={() => setOpen(open === term.id ? null : term.id)}>
                    {t('glossary.translations')}
                  </button>
                  {manages && (
                    <>
                      <button
                        type="button"
                        onClick={() => setEditing(editing === term.id ? null : term.id)}
                      >
                        {t('glossary.edit')}
                      </button>
                      <button type="button" onClick={() => remove(term)} disabled={busy}>
                        {t('glossary.delete')}
                      </button>
                    </>
                  )}
                </div>
                {manages && editing === term.id && (
                  <TermForm
                    initial={term}
                    busy={busy}
                    onSave={(_text, input) => update(term.id, input)}
                    onCancel={() => setEditing(null)}
                  />
                )}
                {open === term.id && (
                  <TermTranslations
                    project={slug}
                    locale={locale}
                    term={term}
                    onChanged={terms.reload}
                  />
                )}
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
