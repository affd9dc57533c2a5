import { render } from '@testing-library/react';
import { type ReactElement, StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import { RouterProvider } from '../router/router';
import { SessionProvider } from '../session/session';

type Resolver = (variables: Record<string, unknown>) => unknown;

export interface GraphqlCall {
  readonly operation: string;
  readonly variables: Record<string, unknown>;
}

/**
 * A fetch that answers GraphQL by operation name, the way the API would, and records the calls.
 * A resolver may throw `{ code, message, details }` to answer with a GraphQL error.
 */
export function graphqlFetch(resolvers: Record<string, Resolver>): {
  fetch: typeof fetch;
  calls: GraphqlCall[];
} {
  const calls: GraphqlCall[] = [];
  const fetchImpl = (_url: unknown, init?: { body?: unknown }) => {
    const body = JSON.parse(String(init?.body)) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const variables = body.variables ?? {};
    calls.push({ operation, variables });
    const resolver = resolvers[operation];
    let payload: unknown;
    if (resolver === undefined) {
      payload = { errors: [{ message: `no mock for ${operation}`, extensions: { code: 'TEST' } }] };
    } else {
      try {
        payload = { data: resolver(variables) };
      } catch (error) {
        const e = error as { code?: string; message?: string; details?: unknown };
        payload = {
          errors: [{ message: e.message, extensions: { code: e.code, details: e.details } }],
        };
      }
    }
    const response = { status: 200, ok: true, json: () => Promise.resolve(payload) };
    return Promise.resolve(response as unknown as Response);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

export const ME = { id: 'u1', email: 'vol@example.test', displayName: 'Vol' };
export const HEALTH = { status: 'ok', postgres: 'up', queue: 'up', queueBackend: 'redis' };

/**
 * Renders inside i18n (bundled en only), session and router, at `path`, under StrictMode as
 * main.tsx does: effects run twice on mount, so a page must cope with its first requests' answers
 * arriving for a mount that is gone. A test that counts requests or subscriptions one by one
 * passes COUNTING_REQUESTS (StrictMode doubles them, in development only).
 */
export async function renderApp(
  ui: ReactElement,
  path = '/',
  options: { readonly strict?: boolean } = {},
) {
  window.history.replaceState(null, '', path);
  const i18n = await createI18n({ language: 'en', loadFromApi: false });
  const tree = (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <RouterProvider>{ui}</RouterProvider>
      </SessionProvider>
    </I18nextProvider>
  );
  return render(options.strict === false ? tree : <StrictMode>{tree}</StrictMode>);
}

/** For renderApp: a test that counts requests or subscriptions one by one. */
export const COUNTING_REQUESTS = { strict: false } as const;
