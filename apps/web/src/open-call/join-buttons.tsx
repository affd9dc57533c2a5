import { useTranslation } from 'react-i18next';
import { JOIN_PROJECT, type ProjectAccess } from '../api/open-call-operations';
import { LOCALE_STATS } from '../api/project-operations';
import { useMutation } from '../admin/use-mutation';
import { request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { useRouter } from '../router/router';
import { useQuery } from '../use-query';

/**
 * "Join as a translator for pl": one click, then straight into the workspace (or, with `only`, the
 * page of that locale stays and its `onJoined` reloads it). Shown only when the
 * API says the viewer may join (an open project, signed in, not banned).
 */
export function JoinButtons({
  project,
  onJoined,
  only,
}: {
  readonly project: Pick<ProjectAccess, 'slug' | 'viewerCan' | 'helpWantedLocales'>;
  readonly onJoined?: () => void;
  /** Offer only this locale (the workspace of one locale); default: every locale not joined. */
  readonly only?: string;
}) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { busy, error, run } = useMutation();
  const stats = useQuery(() => request(LOCALE_STATS, { project: project.slug }), project.slug);
  if (!project.viewerCan.canJoin || stats.state !== 'ready') return null;
  const joined = new Set(project.viewerCan.joinedLocales);
  const locales = stats.data.localeStats
    .map((s) => s.locale)
    .filter((l) => !joined.has(l) && (only === undefined || l === only));
  if (locales.length === 0) return null;
  return (
    <div className="join-buttons">
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          disabled={busy}
          onClick={() =>
            run(
              () => request(JOIN_PROJECT, { project: project.slug, locale }),
              () => {
                onJoined?.();
                // From a page of one locale the viewer stays (it reloads); elsewhere: to work.
                if (only === undefined) navigate({ name: 'translate', slug: project.slug, locale });
              },
            )
          }
        >
          {project.helpWantedLocales.includes(locale)
            ? t('openCall.join.helpWanted', { locale })
            : t('openCall.join.button', { locale })}
        </button>
      ))}
      {error !== null && <ErrorMessage message={error} />}
    </div>
  );
}
