import { assertNever } from '@chorus/translation-core';
import { buildPath, matchPath } from './match-path';

/** Every page of the app; a route is data, so links and tests never spell URLs by hand. */
export type Route =
  | { readonly name: 'projects' }
  | { readonly name: 'signIn' }
  | { readonly name: 'signUp' }
  | { readonly name: 'needYou' }
  | { readonly name: 'me' }
  | { readonly name: 'invite'; readonly token: string }
  | { readonly name: 'dashboard'; readonly slug: string }
  | { readonly name: 'translate'; readonly slug: string; readonly locale: string }
  | { readonly name: 'vote'; readonly slug: string; readonly locale: string }
  | { readonly name: 'decisions'; readonly slug: string; readonly locale: string }
  | { readonly name: 'glossary'; readonly slug: string; readonly locale: string }
  | { readonly name: 'admin'; readonly slug: string }
  | { readonly name: 'notFound'; readonly path: string };

const PATTERNS = {
  projects: '/',
  signIn: '/sign-in',
  signUp: '/sign-up',
  needYou: '/need-you',
  me: '/me',
  invite: '/invite/:token',
  dashboard: '/projects/:slug',
  translate: '/projects/:slug/:locale/translate',
  vote: '/projects/:slug/:locale/vote',
  decisions: '/projects/:slug/:locale/decisions',
  glossary: '/projects/:slug/:locale/glossary',
  admin: '/projects/:slug/admin',
} as const;

export function parseRoute(pathname: string): Route {
  if (matchPath(PATTERNS.projects, pathname)) return { name: 'projects' };
  if (matchPath(PATTERNS.signIn, pathname)) return { name: 'signIn' };
  if (matchPath(PATTERNS.signUp, pathname)) return { name: 'signUp' };
  if (matchPath(PATTERNS.needYou, pathname)) return { name: 'needYou' };
  if (matchPath(PATTERNS.me, pathname)) return { name: 'me' };
  const invite = matchPath(PATTERNS.invite, pathname);
  if (invite?.['token'] !== undefined) return { name: 'invite', token: invite['token'] };
  const admin = matchPath(PATTERNS.admin, pathname);
  if (admin?.['slug'] !== undefined) return { name: 'admin', slug: admin['slug'] };
  const dashboard = matchPath(PATTERNS.dashboard, pathname);
  if (dashboard?.['slug'] !== undefined) return { name: 'dashboard', slug: dashboard['slug'] };
  for (const name of ['translate', 'vote', 'decisions', 'glossary'] as const) {
    const m = matchPath(PATTERNS[name], pathname);
    if (m?.['slug'] !== undefined && m['locale'] !== undefined)
      return { name, slug: m['slug'], locale: m['locale'] };
  }
  return { name: 'notFound', path: pathname };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'projects':
    case 'signIn':
    case 'signUp':
    case 'needYou':
    case 'me':
      return PATTERNS[route.name];
    case 'invite':
      return buildPath(PATTERNS.invite, { token: route.token });
    case 'dashboard':
    case 'admin':
      return buildPath(PATTERNS[route.name], { slug: route.slug });
    case 'translate':
    case 'vote':
    case 'decisions':
    case 'glossary':
      return buildPath(PATTERNS[route.name], { slug: route.slug, locale: route.locale });
    case 'notFound':
      return route.path;
    default:
      return assertNever(route);
  }
}
