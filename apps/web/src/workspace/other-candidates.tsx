import { useTranslation } from 'react-i18next';
import { CANDIDATES } from '../api/translation-operations';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { ReportButton } from '../moderation/report-button';
import { FormsText } from '../text/forms-text';
import { useQuery } from '../use-query';

/** Candidates others already proposed for this string and their state (no tallies: voting is blind). */
export function OtherCandidates({
  stringId,
  locale,
  version,
}: {
  readonly stringId: string;
  readonly locale: string;
  readonly version: number;
}) {
  const { t } = useTranslation();
  const list = useQuery(
    () => request(CANDIDATES, { stringId, locale }),
    `${stringId}/${locale}/${version}`,
  );
  return (
    <section className="panel" aria-labelledby="candidates-heading">
      <h2 id="candidates-heading">{t('workspace.otherCandidates')}</h2>
      {list.state === 'error' && <ErrorMessage message={list.message} />}
      {list.state === 'ready' &&
        (list.data.candidates.candidates.length === 0 ? (
          <p className="muted">{t('workspace.noCandidates')}</p>
        ) : (
          <ul className="candidate-list">
            {list.data.candidates.candidates.map((candidate, index) => (
              <li key={candidate.id}>
                <FormsText forms={candidate.forms} />
                <span className="badge">{t(`candidate.status.${candidate.status}`)}</span>
                {candidate.isMine && <span className="badge">{t('candidate.mine')}</span>}
                {!candidate.eligible && (
                  <span className="badge badge-error">{t('candidate.ineligible')}</span>
                )}
                {!candidate.isMine && (
                  <ReportButton
                    target={{ kind: 'candidate', candidateId: candidate.id }}
                    label={t('moderation.report.candidate', { n: index + 1 })}
                  />
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
