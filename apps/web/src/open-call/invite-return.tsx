import type { ReactNode } from 'react';
import { useRouter } from '../router/router';
import { type Route, routePath } from '../router/routes';

/** The query parameter that carries an invite token from sign-in to sign-up and back. */
const INVITE_PARAM = 'invite';
/** Invite tokens are a prefix and base64url (chorus_inv_…); anything else is ignored. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * The invite a signed-out visitor opened, to return to after signing in or up: the invite page
 * itself (it shows the sign-in form in place), or ?invite=<token> on the sign-in/sign-up pages.
 * Only ever an invite route, never a free URL, so the parameter cannot redirect elsewhere.
 */
export function inviteToReturnTo(route: Route, search: URLSearchParams): Route | null {
  if (route.name === 'invite') return route;
  const token = search.get(INVITE_PARAM);
  return token !== null && TOKEN_SHAPE.test(token) ? { name: 'invite', token } : null;
}

/** A link to sign in or sign up that keeps the invite being accepted, if there is one. */
export function AuthLink({
  to,
  children,
}: {
  readonly to: 'signIn' | 'signUp';
  readonly children: ReactNode;
}) {
  const { route, search, navigate } = useRouter();
  const invite = inviteToReturnTo(route, search);
  const base = routePath({ name: to });
  const href =
    invite?.name === 'invite'
      ? `${base}?${INVITE_PARAM}=${encodeURIComponent(invite.token)}`
      : base;
  return (
    <a
      href={href}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
          return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
