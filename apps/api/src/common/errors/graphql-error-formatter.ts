import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { toClientError } from './to-client-error';

const logger = new Logger('GraphQL');

/** Codes raised by Apollo/graphql-js itself for malformed requests; passed through as they are. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // The query-size check (graphql-limits/query-size), before Apollo parses.
  'QUERY_TOO_LARGE',
]);

function originalOf(error: unknown): unknown {
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && 'originalError' in current) {
    const next = (current as { originalError: unknown }).originalError;
    if (next === undefined || next === null) break;
    current = next;
  }
  return current;
}

/** Apollo `formatError`: typed codes in `extensions.code`, no stack traces, internal errors logged. */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = originalOf(error);
  const protocolCode = formatted.extensions?.['code'];
  // graphql-js and Apollo raise GraphQLErrors for malformed requests; resolvers' errors arrive unwrapped.
  if (
    original instanceof GraphQLError &&
    typeof protocolCode === 'string' &&
    PROTOCOL_CODES.has(protocolCode)
  ) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      // A validation rule may name a precise code (QUERY_TOO_DEEP); Apollo wraps it in its own.
      extensions: {
        code:
          typeof original.extensions['code'] === 'string'
            ? original.extensions['code']
            : protocolCode,
      },
    };
  }
  const client = toClientError(original);
  if (client.status >= 500) {
    logger.error(
      original instanceof Error ? (original.stack ?? original.message) : String(original),
    );
  }
  return {
    message: client.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: client.code,
      ...('details' in client && client.details !== undefined ? { details: client.details } : {}),
      // RATE_LIMITED: seconds to wait, where clients look for it (HTTP also gets Retry-After).
      ...(client.code === 'RATE_LIMITED' && typeof client.details?.['retryAfter'] === 'number'
        ? { retryAfter: client.details['retryAfter'] }
        : {}),
    },
  };
}
