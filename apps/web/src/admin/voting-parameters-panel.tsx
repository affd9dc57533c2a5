import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  UPDATE_VOTING_PARAMETERS,
  VOTING_PARAMETERS,
  type VotingParameters,
} from '../api/admin-operations';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { useQuery } from '../use-query';
import { AdminSection } from './admin-section';
import { useMutation } from './use-mutation';

/** Field, and whether the API stores it in milliseconds (shown to people in seconds). */
const FIELDS: readonly {
  readonly name: keyof VotingParameters;
  readonly ms: boolean;
  readonly step: string;
}[] = [
  { name: 'duration', ms: true, step: '1' },
  { name: 'minDuration', ms: true, step: '1' },
  { name: 'quorum', ms: false, step: '1' },
  { name: 'minVotes', ms: false, step: '1' },
  { name: 'minScore', ms: false, step: '0.01' },
  { name: 'minMargin', ms: false, step: '0.01' },
];

export function VotingParametersPanel({ project }: { readonly project: string }) {
  const { t } = useTranslation();
  const id = useId();
  const params = useQuery(() => request(VOTING_PARAMETERS, { slug: project }), project);
  const { busy, error, run } = useMutation();
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: Partial<Record<keyof VotingParameters, number>> = {};
    for (const field of FIELDS) {
      const value = Number(form.get(field.name));
      values[field.name] = field.ms ? Math.round(value * 1000) : value;
    }
    setSaved(false);
    run(
      () => request(UPDATE_VOTING_PARAMETERS, { slug: project, votingParameters: values }),
      () => {
        setSaved(true);
        params.reload();
      },
    );
  };

  return (
    <AdminSection title={t('admin.voting.title')}>
      {params.state === 'loading' && <Loading />}
      {params.state === 'error' && <ErrorMessage message={params.message} />}
      {params.state === 'ready' && (
        <form onSubmit={onSubmit} className="form">
          {FIELDS.map((field) => {
            const value = params.data.project.votingParameters[field.name];
            return (
              <div key={field.name} className="field">
                <label htmlFor={`${id}-${field.name}`}>{t(`admin.voting.${field.name}`)}</label>
                <input
                  id={`${id}-${field.name}`}
                  name={field.name}
                  type="number"
                  min="0"
                  step={field.step}
                  defaultValue={field.ms ? value / 1000 : value}
                  required
                />
              </div>
            );
          })}
          <button type="submit" disabled={busy}>
            {t('admin.voting.save')}
          </button>
          {saved && <p role="status">{t('admin.voting.saved')}</p>}
          {error !== null && <ErrorMessage message={error} />}
        </form>
      )}
    </AdminSection>
  );
}
