import { GraphQLError, parse, type DocumentNode } from 'graphql';

export interface QuerySizeLimits {
  /** Longest query string accepted, in UTF-8 bytes (GRAPHQL_MAX_QUERY_BYTES). */
  readonly graphqlMaxQueryBytes: number;
  /** Most lexical tokens a document may have; parsing stops there (GRAPHQL_MAX_TOKENS). */
  readonly graphqlMaxTokens: number;
}

/**
 * QUERY_TOO_LARGE for a query string over the byte limit, checked before anything parses it.
 */
export function querySizeError(query: string, limits: QuerySizeLimits): GraphQLError | null {
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes <= limits.graphqlMaxQueryBytes) return null;
  return new GraphQLError(
    `The query is ${bytes} bytes; at most ${limits.graphqlMaxQueryBytes} are allowed. Send a smaller query.`,
    { extensions: { code: 'QUERY_TOO_LARGE' } },
  );
}

/** graphql-js parse with the token limit: a huge document stops parsing instead of validating. */
export function parseLimited(query: string, limits: QuerySizeLimits): DocumentNode {
  return parse(query, { maxTokens: limits.graphqlMaxTokens });
}
