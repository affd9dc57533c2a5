import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX_CHARS } from '../api/discussion-operations';
import { errorMessage } from '../graphql-client';

/** A plain-text comment box with a character count; `send` resolves once the server took it. */
export function CommentForm({
  label,
  submitLabel,
  send,
  children,
}: {
  readonly label: string;
  readonly submitLabel: string;
  readonly send: (body: string) => Promise<void>;
  readonly children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const length = [...body.trim()].length;
  const tooLong = length > COMMENT_MAX_CHARS;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (length === 0 || tooLong || busy) return;
    setBusy(true);
    setError(null);
    send(body).then(
      () => {
        setBody('');
        setBusy(false);
      },
      (e: unknown) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    );
  };

  return (
    <form className="comment-form" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      {children}
      <textarea
        id={id}
        value={body}
        rows={3}
        onChange={(event) => setBody(event.target.value)}
        aria-invalid={tooLong}
      />
      <p className={tooLong ? 'error' : 'muted'}>
        {t('discussion.characters', { count: length, max: COMMENT_MAX_CHARS })}
      </p>
      {error !== null && <p role="alert">{error}</p>}
      <button type="submit" aria-disabled={length === 0 || tooLong || busy}>
        {submitLabel}
      </button>
    </form>
  );
}
