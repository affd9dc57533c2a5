import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../api/types';
import { ReportButton } from '../moderation/report-button';
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
  where,
  canVote = true,
}: {
  readonly candidate: Candidate;
  readonly index: number;
  readonly revealed: boolean;
  readonly busy: boolean;
  /** Casts `value`, or takes the vote back when it is already the viewer's vote (after asking). */
  readonly onVote: (value: 1 | -1) => void;
  /** The project and locale shown: lets the viewer report a revealed author there. */
  readonly where?: { readonly project: string; readonly locale: string };
  /** The viewer may vote here (Project.viewerCan lists vote.cast); otherwise no vote buttons. */
  readonly canVote?: boolean;
}) {
  const { t } = useTranslation();
  const label = t('vote.candidateLabel', { n: index + 1 });
  const id = useId();
  const [confirming, setConfirming] = useState<1 | -1 | null>(null);
  return (
    <article className="candidate-card" aria-label={label} data-testid="candidate">
      <h3>{label}</h3>
      <div className="candidate-text">
        <FormsText forms={candidate.forms} />
      </div>
      {!candidate.eligible && <p className="badge badge-error">{t('candidate.ineligible')}</p>}
      {candidate.isMine ? (
        <p className="badge">{t('candidate.mine')}</p>
      ) : !canVote ? null : (
        <div className="vote-buttons" role="group" aria-label={t('vote.voteOn', { label })}>
          {([1, -1] as const).map((value) => {
            const pressed = candidate.myVote === value;
            return (
              <button
                key={value}
                type="button"
                className={pressed ? 'vote-pressed' : undefined}
                aria-pressed={pressed}
                disabled={busy || !candidate.eligible || confirming !== null}
                // A second click on your own vote would take it back: ask first.
                onClick={() => (pressed ? setConfirming(value) : onVote(value))}
              >
                <span aria-hidden="true">{value === 1 ? '▲ ' : '▼ '}</span>
                {value === 1 ? t('vote.up') : t('vote.down')}
                {pressed && <span className="vote-mark"> ✓ {t('vote.yourVote')}</span>}
              </button>
            );
          })}
        </div>
      )}
      {confirming !== null && (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            {t('vote.confirmRetract', {
              vote: confirming === 1 ? t('vote.up') : t('vote.down'),
              label,
            })}
          </p>
          <button
            type="button"
            onClick={() => {
              setConfirming(null);
              onVote(confirming);
            }}
          >
            {t('vote.retract')}
          </button>{' '}
          <button type="button" autoFocus onClick={() => setConfirming(null)}>
            {t('vote.keep')}
          </button>
        </div>
      )}
      {!candidate.isMine && (
        <ReportButton
          target={{ kind: 'candidate', candidateId: candidate.id }}
          label={t('moderation.report.candidate', { n: index + 1 })}
        />
      )}
      {revealed && candidate.author !== null && (
        <p className="muted" data-testid="candidate-author">
          {t('vote.by', { name: candidate.author.displayName })}
        </p>
      )}
      {revealed && candidate.author !== null && !candidate.isMine && where !== undefined && (
        <ReportButton
          target={{
            kind: 'user',
            project: where.project,
            userId: candidate.author.id,
            locale: where.locale,
          }}
          label={t('moderation.report.user', { name: candidate.author.displayName })}
        />
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
