import { assertNever } from '@chorus/translation-core';
import { useTranslation } from 'react-i18next';
import { SIGN_OUT } from './api/session-operations';
import { request } from './graphql-client';
import { AdminPage } from './admin/admin-page';
import { LanguageSwitcher } from './i18n/language-switcher';
import { NotificationBell } from './notifications/notification-bell';
import { ErrorMessage, Loading } from './pages/load-state';
import { PageHeading } from './pages/page-heading';
import { ProjectDashboardPage } from './pages/project-dashboard-page';
import { ProjectListPage } from './pages/project-list-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
import { Link, RouterProvider, useRouter } from './router/router';
import type { Route } from './router/routes';
import { SessionProvider, useSession } from './session/session';
import { NeedsDecisionPage } from './decisions/needs-decision-page';
import { GlossaryPage } from './glossary/glossary-page';
import { VotePage } from './vote/vote-page';
import { TranslatePage } from './workspace/translate-page';
import { InvitePage } from './open-call/invite-page';
import { MyWorkPage } from './open-call/my-work-page';
import { NeedYouPage } from './open-call/need-you-page';

/** The whole app: session, router and the page for the current URL. */
export function App() {
  return (
    <SessionProvider>
      <RouterProvider>
        <Shell />
      </RouterProvider>
    </SessionProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { route } = useRouter();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="masthead">
        <Link to={{ name: 'projects' }} className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')} className="nav">
          <AccountNav />
          <LanguageSwitcher />
        </nav>
      </header>
      <main id="main" className="page">
        {session.state === 'loading' && <Loading />}
        {session.state === 'error' && (
          <ErrorMessage message={t('app.apiUnreachable', { message: session.message })} />
        )}
        {session.state === 'ready' && <Page route={route} signedIn={session.me !== null} />}
      </main>
    </>
  );
}

function AccountNav() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const { navigate } = useRouter();
  if (me === null) {
    return (
      <>
        <Link to={{ name: 'signIn' }}>{t('auth.signIn.title')}</Link>
        <Link to={{ name: 'signUp' }}>{t('auth.signUp.title')}</Link>
      </>
    );
  }
  return (
    <>
      <Link to={{ name: 'needYou' }}>{t('openCall.nav.needYou')}</Link>
      <Link to={{ name: 'me' }}>{t('openCall.nav.me')}</Link>
      <span data-testid="signed-in">{t('nav.signedInAs', { name: me.displayName })}</span>
      <NotificationBell />
      <button
        type="button"
        className="link-button"
        onClick={() => {
          void request(SIGN_OUT)
            .then(() => refresh())
            .then(() => navigate({ name: 'signIn' }));
        }}
      >
        {t('auth.signOut')}
      </button>
    </>
  );
}

/** Pages that need an account send visitors to sign in first. */
function Page({ route, signedIn }: { readonly route: Route; readonly signedIn: boolean }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'signIn':
      return <SignInPage />;
    case 'signUp':
      return <SignUpPage />;
    case 'projects':
      return <ProjectListPage />;
    case 'needYou':
      return signedIn ? <NeedYouPage /> : <SignInPage />;
    case 'me':
      return signedIn ? <MyWorkPage /> : <SignInPage />;
    case 'invite':
      return signedIn ? <InvitePage token={route.token} /> : <SignInPage />;
    case 'dashboard':
      return <ProjectDashboardPage slug={route.slug} />;
    case 'translate':
      return signedIn ? <TranslatePage slug={route.slug} locale={route.locale} /> : <SignInPage />;
    case 'vote':
      return signedIn ? <VotePage slug={route.slug} locale={route.locale} /> : <SignInPage />;
    case 'admin':
      return signedIn ? <AdminPage slug={route.slug} /> : <SignInPage />;
    case 'decisions':
      return signedIn ? (
        <NeedsDecisionPage slug={route.slug} locale={route.locale} />
      ) : (
        <SignInPage />
      );
    case 'glossary':
      return <GlossaryPage slug={route.slug} locale={route.locale} />;
    case 'notFound':
      return <PageHeading>{t('app.notFound')}</PageHeading>;
    default:
      return assertNever(route);
  }
}
