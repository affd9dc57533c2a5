import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_CANDIDATE,
  REPORT_NOTE_MAX,
  REPORT_REASONS,
  REPORT_USER,
  type ReportReasonInput,
} from '../api/moderation-operations';
import { request } from '../graphql-client';
import { useMutation } from '../admin/use-mutation';
import { ErrorMessage } from '../pages/load-state';

/** What is reported: a candidate, or a user of a project (optionally in one locale). */
export type ReportTarget =
  | { readonly kind: 'candidate'; readonly candidateId: string }
  | {
      readonly kind: 'user';
      readonly project: string;
      readonly userId: string;
      readonly locale: string | null;
    };

/**
 * A "Report" button that opens a small form: a reason and an optional note (at most 1000
 * characters). The report goes to the locale's managers; the answer (or the API's error, such as
 * a duplicate report or the rate limit) is shown in place.
 */
export function ReportButton({
  target,
  label,
}: {
  readonly target: ReportTarget;
  /** Names what is reported, for screen readers ("Report translation 2"). */
  readonly label: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const [reason, setReason] = useState<ReportReasonInput>('WRONG');
  const [note, setNote] = useState('');
  const { busy, error, run } = useMutation();

  if (done)
    return (
      <p className="muted" role="status">
        {t('moderation.report.thanks')}
      </p>
    );
  if (!open) {
    return (
      <button
        type="button"
        className="link-button"
        aria-label={label}
        onClick={() => setOpen(true)}
      >
        {t('moderation.report.open')}
      </button>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = note.trim() === '' ? null : note;
    const send = async (): Promise<void> => {
      if (target.kind === 'candidate') {
        await request(REPORT_CANDIDATE, {
          input: { candidateId: target.candidateId, reason, note: trimmed },
        });
      } else {
        await request(REPORT_USER, {
          input: {
            project: target.project,
            userId: target.userId,
            locale: target.locale,
            reason,
            note: trimmed,
          },
        });
      }
    };
    run(send, () => setDone(true));
  };

  return (
    <form className="report-form" role="dialog" aria-labelledby={`${id}-title`} onSubmit={onSubmit}>
      <h4 id={`${id}-title`}>{label}</h4>
      <label htmlFor={`${id}-reason`}>{t('moderation.report.reason')}</label>
      <select
        id={`${id}-reason`}
        value={reason}
        onChange={(e) => setReason(e.target.value as ReportReasonInput)}
      >
        {REPORT_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`moderation.reason.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{t('moderation.report.note')}</label>
      <textarea
        id={`${id}-note`}
        value={note}
        maxLength={REPORT_NOTE_MAX}
        onChange={(e) => setNote(e.target.value)}
        aria-describedby={`${id}-count`}
      />
      <p id={`${id}-count`} className="muted">
        {t('moderation.report.noteCount', { used: note.length, max: REPORT_NOTE_MAX })}
      </p>
      <button type="submit" disabled={busy}>
        {t('moderation.report.send')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t('moderation.report.cancel')}
      </button>
      {error !== null && <ErrorMessage message={error} />}
    </form>
  );
}
