import { useTranslation } from 'react-i18next';
import type { Candidate, Decision } from '../api/types';
import { FormsText } from '../text/forms-text';

/** The decision's evidence: every candidate's weighted tallies and score, and the reason codes. */
export function WhyThisWon({
  decision,
  candidates,
}: {
  readonly decision: Decision;
  readonly candidates: readonly Candidate[];
}) {
  const { t } = useTranslation();
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const ranked = [...decision.candidates].sort((a, b) => a.rank - b.rank);
  const winner = decision.winnerId === null ? undefined : byId.get(decision.winnerId);
  return (
    <section className="card why" aria-labelledby="why-heading" data-testid="why-this-won">
      <h2 id="why-heading">{decision.decided ? t('why.title') : t('why.undecidedTitle')}</h2>
      {winner !== undefined && (
        <div className="winner">
          <strong>{t('why.winner')}</strong> <FormsText forms={winner.forms} />
        </div>
      )}
      {decision.summary !== '' && <p data-testid="decision-summary">{decision.summary}</p>}
      {decision.reasons.length > 0 && (
        <ul className="reasons">
          {decision.reasons.map((reason) => (
            <li key={reason}>{t(`reasons.${reason}`, { defaultValue: reason })}</li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table>
          <caption>{t('why.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('why.rank')}</th>
              <th scope="col">{t('why.candidate')}</th>
              <th scope="col">{t('why.votes')}</th>
              <th scope="col">{t('why.weighted')}</th>
              <th scope="col">{t('why.score')}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((row) => {
              const candidate = byId.get(row.candidateId);
              return (
                <tr key={row.candidateId} className={row.winner ? 'winner-row' : undefined}>
                  <td>
                    {row.rank}
                    {row.winner && <> ✓ {t('why.winnerMark')}</>}
                  </td>
                  <td>
                    {candidate === undefined ? (
                      row.candidateId
                    ) : (
                      <FormsText forms={candidate.forms} />
                    )}
                  </td>
                  <td>
                    +{row.upvoters} / −{row.downvoters}
                  </td>
                  <td>
                    +{row.wPlus.toFixed(2)} / −{row.wMinus.toFixed(2)}
                  </td>
                  <td>
                    {row.score.toFixed(2)}{' '}
                    <span className="muted">
                      ({t('why.upperBound', { value: row.upperBound.toFixed(2) })})
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
