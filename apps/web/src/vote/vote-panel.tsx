import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANDIDATES, STRING } from '../api/translation-operations';
import type { CandidateList } from '../api/types';
import { CAST_VOTE, RETRACT_VOTE } from '../api/voting-operations';
import { errorMessage, request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { FormsText } from '../text/forms-text';
import { useQuery } from '../use-query';
import { CandidateCard } from './candidate-card';
import { RoundStatus } from './round-status';
import { useLiveString } from './use-live-string';
import { WhyThisWon } from './why-this-won';

/** Votes on one string: blind until the viewer has voted, then tallies, round and "why this won". */
export function VotePanel({
  project,
  locale,
  stringId,
  canVote = true,
}: {
  readonly project: string;
  readonly locale: string;
  readonly stringId: string;
  /** From Project.viewerCan (vote.cast): without it the candidates are shown without vote buttons. */
  readonly canVote?: boolean;
}) {
  const { t } = useTranslation();
  const key = `${stringId}/${locale}`;
  const unit = useQuery(() => request(STRING, { id: stringId, locale }), key);
  const list = useQuery(() => request(CANDIDATES, { stringId, locale }), key);
  // The newest candidate list (from a vote or a live refetch) replaces the first load. Each
  // request takes a number; an answer to an older one (asked before a later vote) is dropped,
  // so the view never falls back to the blind list it showed before the viewer voted.
  const [latest, setLatest] = useState<CandidateList | null>(null);
  const asked = useRef(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useLiveString(locale, stringId, () => {
    unit.reload();
    const mine = ++asked.current;
    return request(CANDIDATES, { stringId, locale }).then(
      (d) => {
        if (asked.current === mine) setLatest(d.candidates);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  });

  if (list.state === 'loading' || unit.state === 'loading') return <Loading />;
  if (list.state === 'error') return <ErrorMessage message={list.message} />;
  if (unit.state === 'error') return <ErrorMessage message={unit.message} />;
  const current = latest ?? list.data.candidates;
  const revealed = current.hasVoted;
  const round = current.round;

  const vote = (candidateId: string, value: 1 | -1, myVote: number | null) => {
    setBusy(true);
    setError(null);
    const mine = ++asked.current;
    const call =
      myVote === value
        ? request(RETRACT_VOTE, { candidateId }).then((d) => d.retractVote)
        : request(CAST_VOTE, { candidateId, value }).then((d) => d.castVote);
    call
      .then((answer) => {
        if (asked.current === mine) setLatest(answer);
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="vote-panel">
      <section className="source-panel" aria-labelledby="vote-source-heading">
        <h2 id="vote-source-heading">{t('vote.source')}</h2>
        <div className="source-text">
          <FormsText forms={unit.data.string.sourceForms} />
        </div>
        <p className="muted">
          <code>{unit.data.string.key}</code>
        </p>
      </section>
      {!revealed && <p className="notice">{t('vote.blindNotice')}</p>}
      {revealed && round !== null && (
        <RoundStatus round={round} votesNeeded={current.votesNeeded} />
      )}
      {error !== null && <ErrorMessage message={error} />}
      {current.candidates.length === 0 ? (
        <p>{t('vote.noCandidates')}</p>
      ) : (
        <div className="candidate-grid">
          {current.candidates.map((candidate, index) => (
            <CandidateCard
              key={candidate.id}
              candidate={candidate}
              index={index}
              revealed={revealed}
              busy={busy}
              onVote={(value) => vote(candidate.id, value, candidate.myVote)}
              where={{ project, locale }}
              canVote={canVote}
            />
          ))}
        </div>
      )}
      {revealed && current.candidates.some((c) => c.tally !== null) && (
        <p className="muted">{t('vote.tallyNote')}</p>
      )}
      {round?.decision != null && (revealed || round.closedAt !== null) && (
        <WhyThisWon decision={round.decision} candidates={current.candidates} />
      )}
    </div>
  );
}
