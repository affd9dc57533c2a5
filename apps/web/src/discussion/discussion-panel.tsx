import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MARK_OFFICIAL_ANSWER,
  MARK_SOURCE_ISSUE,
  POST_COMMENT,
  START_THREAD,
  STRING_DISCUSSION,
  type DiscussionComment,
  type DiscussionRights,
  type DiscussionThread,
} from '../api/discussion-operations';
import { errorMessage, request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { useQuery } from '../use-query';
import { CommentForm } from './comment-form';

/** A comment's text: shown as typed (pre-wrapped text, never HTML). */
function CommentBody({ comment }: { readonly comment: DiscussionComment }) {
  return (
    <p className="comment-body" data-testid="comment-body">
      {comment.body}
    </p>
  );
}

/**
 * The answered questions about the source text: next to the source in every locale, so each
 * translator reads what the developers said the string means.
 */
export function OfficialAnswers({ threads }: { readonly threads: readonly DiscussionThread[] }) {
  const { t } = useTranslation();
  const answered = threads.filter((th) => th.locale === null && th.officialAnswer !== null);
  if (answered.length === 0) return null;
  return (
    <section className="official-answers" aria-label={t('discussion.officialAnswers')}>
      {answered.map((th) => (
        <div key={th.id} className="notice" data-testid="official-answer">
          <p className="muted">
            {t('discussion.question', { name: th.comments[0]?.authorName ?? '' })}{' '}
            {th.comments[0]?.body}
          </p>
          <p>
            <strong>
              {t('discussion.officialAnswerBy', { name: th.officialAnswer?.authorName ?? '' })}
            </strong>{' '}
            <span className="comment-body">{th.officialAnswer?.body}</span>
          </p>
        </div>
      ))}
    </section>
  );
}

function Thread({
  thread,
  rights,
  onChanged,
}: {
  readonly thread: DiscussionThread;
  readonly rights: DiscussionRights;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const mayAnswer = thread.locale === null ? rights.answerSource : rights.answerLocale;
  const act = (work: Promise<unknown>) => {
    setError(null);
    work.then(onChanged, (e: unknown) => setError(errorMessage(e)));
  };
  return (
    <li className="thread card" data-testid="thread">
      <p className="muted">
        {thread.locale === null
          ? t('discussion.sourceQuestion')
          : t('discussion.localeThread', { locale: thread.locale })}
        {thread.sourceIssue && <span className="badge"> {t('discussion.sourceIssue')}</span>}
      </p>
      <ol className="comments">
        {thread.comments.map((c, index) => (
          <li key={c.id} className={c.official ? 'comment official' : 'comment'}>
            <p className="muted">
              {c.authorName}
              {c.official && <strong> · {t('discussion.official')}</strong>}
            </p>
            <CommentBody comment={c} />
            {mayAnswer && index > 0 && (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  act(request(MARK_OFFICIAL_ANSWER, { commentId: c.id, official: !c.official }))
                }
              >
                {c.official ? t('discussion.unmarkOfficial') : t('discussion.markOfficial')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {thread.locale === null && rights.markIssue && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            act(request(MARK_SOURCE_ISSUE, { threadId: thread.id, issue: !thread.sourceIssue }))
          }
        >
          {thread.sourceIssue ? t('discussion.clearSourceIssue') : t('discussion.markSourceIssue')}
        </button>
      )}
      {error !== null && <p role="alert">{error}</p>}
      {rights.post && (
        <CommentForm
          label={t('discussion.reply')}
          submitLabel={t('discussion.send')}
          send={(body) =>
            request(POST_COMMENT, { threadId: thread.id, body }).then(() => onChanged())
          }
        />
      )}
    </li>
  );
}

/**
 * Discussion of one string in the workspace: answered source questions first, threads about this
 * locale's wording, and a box to ask the developers or discuss the translation.
 */
export function DiscussionPanel({
  stringId,
  locale,
}: {
  readonly stringId: string;
  readonly locale: string;
}) {
  const { t } = useTranslation();
  const [about, setAbout] = useState<'source' | 'locale'>('source');
  const discussion = useQuery(
    () => request(STRING_DISCUSSION, { stringId, locale }),
    `${stringId}/${locale}`,
  );
  if (discussion.state === 'loading') return <Loading />;
  if (discussion.state === 'error') return <ErrorMessage message={discussion.message} />;
  const { viewer, threads } = discussion.data.stringDiscussion;
  return (
    <section className="discussion-panel" aria-labelledby="discussion-heading">
      <OfficialAnswers threads={threads} />
      <h3 id="discussion-heading">{t('discussion.title', { count: threads.length })}</h3>
      {threads.length > 0 && (
        <ul className="threads">
          {threads.map((th) => (
            <Thread key={th.id} thread={th} rights={viewer} onChanged={discussion.reload} />
          ))}
        </ul>
      )}
      {viewer.post && (
        <CommentForm
          label={t('discussion.newThread')}
          submitLabel={t('discussion.send')}
          send={(body) =>
            request(START_THREAD, {
              input: { stringId, locale: about === 'source' ? null : locale, body },
            }).then(() => discussion.reload())
          }
        >
          <fieldset className="inline">
            <legend className="visually-hidden">{t('discussion.about')}</legend>
            <label>
              <input
                type="radio"
                name={`about-${stringId}`}
                checked={about === 'source'}
                onChange={() => setAbout('source')}
              />{' '}
              {t('discussion.askDevelopers')}
            </label>{' '}
            <label>
              <input
                type="radio"
                name={`about-${stringId}`}
                checked={about === 'locale'}
                onChange={() => setAbout('locale')}
              />{' '}
              {t('discussion.discussLocale', { locale })}
            </label>
          </fieldset>
        </CommentForm>
      )}
    </section>
  );
}
