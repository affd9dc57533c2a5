import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * GraphQL answers over HTTP are per viewer (cookies, tokens): no cache may store them. Apollo's
 * default cache-control plugin said so (`no-store`, as no field has a cache hint), but it does it
 * by wrapping every field resolver of the schema to collect hints: ~5 % of the API's CPU on a
 * 50-string page of the vote queue. It is disabled and the header is set once per answer instead.
 */
const noStore: ApolloServerPlugin<BaseContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
        return Promise.resolve();
      },
    });
  },
};

/** The Apollo plugins of the HTTP endpoint. */
export const GRAPHQL_PLUGINS: ApolloServerPlugin<BaseContext>[] = [
  ApolloServerPluginCacheControlDisabled(),
  noStore,
];
