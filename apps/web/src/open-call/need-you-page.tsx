import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  JOIN_PROJECT,
  MY_LANGUAGES,
  type ProjectNeed,
  PROJECTS_THAT_NEED_YOU,
  SET_MY_LANGUAGES,
} from '../api/open-call-operations';
import { useMutation } from '../admin/use-mutation';
import { request } from '../graphql-client';
import { ErrorMessage, Loading } from '../pages/load-state';
import { PageHeading } from '../pages/page-heading';
import { Link, useRouter } from '../router/router';
import { useQuery } from '../use-query';
import { GoalLine } from './goal-line';

/** *Projects that need you*: open projects in your languages, what each locale misses, one-click join. */
export function NeedYouPage() {
  const { t } = useTranslation();
  const id = useId();
  const [version, setVersion] = useState(0);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  // Read once: the form keeps what the person typed; saving reloads only the list below.
  const languages = useQuery(() => request(MY_LANGUAGES), 'languages');
  const save = useMutation();
  const [saved, setSaved] = useState(false);

  const onLanguages = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('languages') ?? '');
    const list = text
      .split(/[\s,]+/)
      .map((c) => c.trim())
      .filter((c) => c !== '');
    setSaved(false);
    save.run(
      () => request(SET_MY_LANGUAGES, { languages: list }),
      () => {
        setPages([null]);
        setVersion((v) => v + 1);
        setSaved(true);
      },
    );
  };

  return (
    <>
      <PageHeading>{t('openCall.needYou.title')}</PageHeading>
      <p>{t('openCall.needYou.intro')}</p>
      {languages.state === 'ready' && (
        <form onSubmit={onLanguages} className="form inline-form">
          <label htmlFor={`${id}-languages`}>{t('openCall.needYou.languages')}</label>
          <input
            id={`${id}-languages`}
            name="languages"
            maxLength={500}
            defaultValue={languages.data.me?.languages.join(', ') ?? ''}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="hint">
            {t('openCall.needYou.languagesHint')}
          </p>
          <button type="submit" disabled={save.busy}>
            {t('openCall.needYou.saveLanguages')}
          </button>
          {saved && <p role="status">{t('openCall.needYou.saved')}</p>}
          {save.error !== null && <ErrorMessage message={save.error} />}
        </form>
      )}
      {pages.map((after, index) => (
        <NeedPage
          key={`${version}-${after ?? 'first'}`}
          after={after}
          onMore={index === pages.length - 1 ? (next) => setPages([...pages, next]) : null}
        />
      ))}
    </>
  );
}

function NeedPage({
  after,
  onMore,
}: {
  readonly after: string | null;
  readonly onMore: ((cursor: string) => void) | null;
}) {
  const { t } = useTranslation();
  const page = useQuery(() => request(PROJECTS_THAT_NEED_YOU, { after }), after ?? 'first');
  if (page.state === 'loading') return <Loading />;
  if (page.state === 'error') return <ErrorMessage message={page.message} />;
  const { items, endCursor } = page.data.projectsThatNeedYou;
  if (items.length === 0 && after === null) return <p>{t('openCall.needYou.empty')}</p>;
  return (
    <>
      <ul className="project-list">
        {items.map((need) => (
          <NeedCard key={need.project.slug} need={need} />
        ))}
      </ul>
      {endCursor !== null && onMore !== null && (
        <button type="button" onClick={() => onMore(endCursor)}>
          {t('openCall.needYou.more')}
        </button>
      )}
    </>
  );
}

function NeedCard({ need }: { readonly need: ProjectNeed }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { busy, error, run } = useMutation();
  const slug = need.project.slug;
  return (
    <li className="card" data-testid={`need-${slug}`}>
      <h2>
        <Link to={{ name: 'dashboard', slug }}>{need.project.name}</Link>
      </h2>
      <ul>
        {need.locales.map((l) => (
          <li key={l.locale}>
            <strong>{l.locale}</strong>
            {l.helpWanted && (
              <span className="badge"> {t('openCall.needYou.helpWanted')}</span>
            )}{' '}
            {t('openCall.needYou.counts', {
              untranslated: l.untranslated,
              voting: l.voting,
              needsDecision: l.needsDecision,
              total: l.total,
            })}{' '}
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(
                  () => request(JOIN_PROJECT, { project: slug, locale: l.locale }),
                  () => navigate({ name: 'translate', slug, locale: l.locale }),
                )
              }
            >
              {t('openCall.join.button', { locale: l.locale })}
            </button>
            {l.goal !== null && (
              <div>
                <GoalLine goal={l.goal} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {error !== null && <ErrorMessage message={error} />}
    </li>
  );
}
