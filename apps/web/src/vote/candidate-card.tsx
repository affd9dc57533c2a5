import { useTranslation } from 'react-i18next';
import type { Candidate } from '../api/types';
import { FormsText } from '../text/forms-text';

/**
 * One candidate. Before the viewer has voted on the string it shows only the text: no author,
 * no tally, and no empty slot hinting at them (blind voting keeps the crowd independent).
 */
export function CandidateCard({
  candidate,
  index,
  revealed,
  busy,
  onVote,
}: {
  readonly candidate: Candidate;
  readonly index: number;
  readonly revealed: boolean;
  readonly busy: boolean;
  readonly onVote: (value: 1 | -1) => void;
}) {
  const { t } = useTranslation();
  const label = t('vote.candidateLabel', { n: index + 1 });
  return (
    <article className="candidate-card" aria-label={label} data-testid="candidate">
      <h3>{label}</h3>
      <div className="candidate-text">
        <FormsText forms={candidate.forms} />
      </div>
      {!candidate.eligible && <p className="badge badge-error">{t('candidate.ineligible')}</p>}
      {candidate.isMine ? (
        <p className="badge">{t('candidate.mine')}</p>
      ) : (
        <div className="vote-buttons" role="group" aria-label={t('vote.voteOn', { label })}>
          <button
            type="button"
            aria-pressed={candidate.myVote === 1}
            disabled={busy || !candidate.eligible}
            onClick={() => onVote(1)}
          >
            <span aria-hidden="true">▲ </span>
            {t('vote.up')}
          </button>
          <button
            type="button"
            aria-pressed={candidate.myVote === -1}
            disabled={busy || !candidate.eligible}
            onClick={() => onVote(-1)}
          >
            <span aria-hidden="true">▼ </span>
            {t('vote.down')}
          </button>
        </div>
      )}
      {revealed && candidate.author !== null && (
        <p className="muted" data-testid="candidate-author">
          {t('vote.by', { name: candidate.author.displayName })}
        </p>
      )}
      {revealed && candidate.tally !== null && (
        <p data-testid="candidate-tally">
          {t('vote.tally', {
            up: candidate.tally.upvoters,
            down: candidate.tally.downvoters,
            score: candidate.tally.score.toFixed(2),
          })}
        </p>
      )}
    </article>
  );
}
