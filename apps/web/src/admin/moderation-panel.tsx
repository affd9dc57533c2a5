import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANDIDATES, STRING_PAGE } from '../api/translation-operations';
import type { CandidateList, TranslatableString } from '../api/types';
import { APPROVE_CANDIDATE, LOCK_STRING, REJECT_CANDIDATE } from '../api/voting-operations';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { FormsText } from '../text/forms-text';
import { TokenizedText } from '../text/tokenized-text';
import { AdminSection } from './admin-section';
import { useMutation } from './use-mutation';

/** Language managers: find a string, then approve or reject a candidate (with a reason) or lock it. */
export function ModerationPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [found, setFound] = useState<readonly TranslatableString[]>([]);
  const [chosen, setChosen] = useState<{ unit: TranslatableString; list: CandidateList } | null>(
    null,
  );
  const [reason, setReason] = useState('');
  const { busy, error, run } = useMutation();

  const open = (unit: TranslatableString) =>
    run(
      () => request(CANDIDATES, { stringId: unit.id, locale: unit.locale }),
      (d) => setChosen({ unit, list: d.candidates }),
    );

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const search = String(form.get('search') ?? '').trim();
    run(
      () =>
        request(STRING_PAGE, {
          project,
          locale: String(form.get('locale') ?? '').trim(),
          filter: 'ALL',
          search: search === '' ? null : search,
          first: 20,
        }),
      (d) => setFound(d.strings.edges.map((e) => e.node)),
    );
  };

  return (
    <AdminSection title={t('admin.moderation.title')}>
      <form onSubmit={onSearch} className="inline-form" role="search">
        <label htmlFor={`${id}-locale`}>{t('admin.moderation.locale')}</label>
        <input id={`${id}-locale`} name="locale" required />
        <label htmlFor={`${id}-search`}>{t('workspace.search.label')}</label>
        <input id={`${id}-search`} name="search" type="search" />
        <button type="submit" disabled={busy}>
          {t('workspace.search.submit')}
        </button>
      </form>
      <ul className="search-results">
        {found.map((unit) => (
          <li key={unit.id}>
            <button type="button" className="link-button" onClick={() => open(unit)}>
              <code>{unit.key}</code> <TokenizedText text={unit.sourceForms[0]?.text ?? ''} />
            </button>
          </li>
        ))}
      </ul>
      {chosen !== null && (
        <div>
          <h3>
            <code>{chosen.unit.key}</code> ({chosen.unit.locale})
          </h3>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(
                () =>
                  request(LOCK_STRING, {
                    stringId: chosen.unit.id,
                    locale: chosen.unit.locale,
                    locked: !chosen.unit.locked,
                  }),
                (d) => setChosen({ ...chosen, unit: d.lockString }),
              )
            }
          >
            {chosen.unit.locked ? t('admin.moderation.unlock') : t('admin.moderation.lock')}
          </button>
          <label htmlFor={`${id}-reason`}>{t('admin.moderation.reason')}</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          <ul>
            {chosen.list.candidates.map((c, index) => (
              <li key={c.id}>
                <FormsText forms={c.forms} />{' '}
                <span className="badge">{t(`candidate.status.${c.status}`)}</span>{' '}
                <button
                  type="button"
                  disabled={busy || reason.trim() === ''}
                  onClick={() =>
                    run(
                      () => request(APPROVE_CANDIDATE, { id: c.id, reason }),
                      () => open(chosen.unit),
                    )
                  }
                >
                  {t('admin.moderation.approve', { n: index + 1 })}
                </button>{' '}
                <button
                  type="button"
                  disabled={busy || reason.trim() === ''}
                  onClick={() =>
                    run(
                      () => request(REJECT_CANDIDATE, { id: c.id, reason }),
                      () => open(chosen.unit),
                    )
                  }
                >
                  {t('admin.moderation.reject', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error !== null && <ErrorMessage message={error} />}
    </AdminSection>
  );
}
