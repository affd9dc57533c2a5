import { useTranslation } from 'react-i18next';
import type { ProjectAccess } from '../api/open-call-operations';
import { Link } from '../router/router';
import { useSession } from '../session/session';
import { formatDateTime } from '../text/time';
import { JoinButtons } from './join-buttons';

/** A contribution a page offers, and the permission-table action (Project.viewerCan) it needs. */
export type Contribution = 'translate' | 'vote';

const ACTION: Readonly<Record<Contribution, string>> = {
  translate: 'translation.submit',
  vote: 'vote.cast',
};

/** May the viewer make this contribution here? (The server checks again on every write.) */
export function mayContribute(access: Pick<ProjectAccess, 'viewerCan'>, kind: Contribution) {
  return access.viewerCan.actions.includes(ACTION[kind]);
}

/**
 * Why a translate or vote page is read-only for this viewer, and the way in when there is one:
 * sign in, join the open project for this locale, or wait for a project ban to end.
 */
export function ReadOnlyNotice({
  access,
  kind,
  locale,
  onJoined,
}: {
  readonly access: Pick<ProjectAccess, 'slug' | 'viewerCan' | 'helpWantedLocales'>;
  readonly kind: Contribution;
  readonly locale: string;
  readonly onJoined: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const can = access.viewerCan;
  return (
    <div className="card notice" role="note" data-testid="read-only-notice">
      {me === null ? (
        <p>
          {t(`openCall.readOnly.signIn.${kind}`)}{' '}
          <Link to={{ name: 'signIn' }}>{t('auth.signIn.title')}</Link> ·{' '}
          <Link to={{ name: 'signUp' }}>{t('auth.signUp.title')}</Link>
        </p>
      ) : can.banned ? (
        <p>
          {can.bannedUntil === null
            ? t('openCall.readOnly.banned')
            : t('openCall.readOnly.bannedUntil', {
                date: formatDateTime(can.bannedUntil, i18n.language),
              })}
        </p>
      ) : can.canJoin ? (
        <>
          <p>{t(`openCall.readOnly.join.${kind}`)}</p>
          <JoinButtons project={access} only={locale} onJoined={onJoined} />
        </>
      ) : (
        <p>{t(`openCall.readOnly.membersOnly.${kind}`)}</p>
      )}
    </div>
  );
}
