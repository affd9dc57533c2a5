import { useTranslation } from 'react-i18next';
import type { Candidate, Decision } from '../api/types';
import { FormsText } from '../text/forms-text';

/**
 * The decision's evidence: who decided and why (once), every candidate's weighted tallies and score,
 * the weights in words, and what was missing when nothing won.
 */
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
  const labelOf = (candidateId: string) => {
    const index = candidates.findIndex((c) => c.id === candidateId);
    return index < 0 ? candidateId : t('vote.candidateLabel', { n: index + 1 });
  };
  return (
    <section className="card why" aria-labelledby="why-heading" data-testid="why-this-won">
      <h2 id="why-heading">{decision.decided ? t('why.title') : t('why.undecidedTitle')}</h2>
      {winner !== undefined && (
        <div className="winner">
          <strong>{t('why.winner')}</strong> <FormsText forms={winner.forms} />
        </div>
      )}
      <DecisionSentence decision={decision} />
      {!decision.decided && decision.reasons.length > 0 && (
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
      <WeightsInWords decision={decision} labelOf={labelOf} candidates={candidates} />
    </section>
  );
}

/** Who decided and why, said once: the approving manager and their reason, or the vote's score. */
function DecisionSentence({ decision }: { readonly decision: Decision }) {
  const { t } = useTranslation();
  const approval = decision.approval;
  if (approval !== null) {
    return (
      <p data-testid="decision-summary">
        {approval.by === null
          ? t('why.approvedByFormer', { reason: approval.reason })
          : t('why.approvedBy', { name: approval.by.displayName, reason: approval.reason })}
      </p>
    );
  }
  if (!decision.decided) return null;
  const ranked = [...decision.candidates].sort((a, b) => a.rank - b.rank);
  const [first, second] = ranked;
  if (first === undefined) return null;
  return (
    <p data-testid="decision-summary">
      {second === undefined
        ? t('why.chosenAlone', { score: first.score.toFixed(2) })
        : t('why.chosenByVote', {
            score: first.score.toFixed(2),
            lead: (first.score - second.score).toFixed(2),
          })}
    </p>
  );
}

/**
 * Weighted votes in words ("Translation 1: 3 upvotes count as 0.30 together"), for the candidates
 * whose votes did not all count fully; nothing when every vote counted 1.
 */
function WeightsInWords({
  decision,
  labelOf,
  candidates,
}: {
  readonly decision: Decision;
  readonly labelOf: (candidateId: string) => string;
  readonly candidates: readonly Candidate[];
}) {
  const { t } = useTranslation();
  const live = new Map(candidates.map((c) => [c.id, c.tally]));
  const lines = [...decision.candidates]
    .sort((a, b) => a.rank - b.rank)
    .flatMap((row) => {
      const label = labelOf(row.candidateId);
      const out: string[] = [];
      // More upvoters in the decision than cast votes: the small-team author endorsement.
      const tally = live.get(row.candidateId);
      if (tally != null && row.upvoters > tally.upvoters) out.push(t('why.endorsed', { label }));
      if (row.upvoters > 0 && Math.abs(row.wPlus - row.upvoters) > 0.005)
        out.push(t('why.weightedUp', { label, count: row.upvoters, weight: row.wPlus.toFixed(2) }));
      if (row.downvoters > 0 && Math.abs(row.wMinus - row.downvoters) > 0.005)
        out.push(
          t('why.weightedDown', { label, count: row.downvoters, weight: row.wMinus.toFixed(2) }),
        );
      return out;
    });
  if (lines.length === 0) return null;
  return (
    <div data-testid="weights-in-words">
      <h3>{t('why.weightsTitle')}</h3>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="muted">{t('why.weightNote')}</p>
    </div>
  );
}
