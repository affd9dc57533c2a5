import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, parse, type DocumentNode } from 'graphql';

export interface QuerySizeLimits {
  /** Longest query string accepted, in UTF-8 bytes (GRAPHQL_MAX_QUERY_BYTES). */
  readonly graphqlMaxQueryBytes: number;
  /** Most lexical tokens a document may have; parsing stops there (GRAPHQL_MAX_TOKENS). */
  readonly graphqlMaxTokens: number;
}

/**
 * QUERY_TOO_LARGE for a query string over the byte limit, checked before anything parses it.
 * A GraphQLError so Apollo answers with the status in `extensions.http` (413), not a 500.
 */
export function querySizeError(query: string, limits: QuerySizeLimits): GraphQLError | null {
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes <= limits.graphqlMaxQueryBytes) return null;
  return new GraphQLError(
    `The query is ${bytes} bytes; at most ${limits.graphqlMaxQueryBytes} are allowed. Send a smaller query.`,
    { extensions: { code: 'QUERY_TOO_LARGE', http: { status: 413 } } },
  );
}

/** graphql-js parse with the token limit: a huge document stops parsing instead of validating. */
export function parseLimited(query: string, limits: QuerySizeLimits): DocumentNode {
  return parse(query, { maxTokens: limits.graphqlMaxTokens });
}

/** Apollo plugin: the byte limit, before Apollo parses (the token limit is Apollo's `parseOptions`). */
export function querySizePlugin(limits: QuerySizeLimits): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveSource({ source }) {
          const error = querySizeError(source, limits);
          return error === null ? Promise.resolve() : Promise.reject(error);
        },
      });
    },
  };
}
