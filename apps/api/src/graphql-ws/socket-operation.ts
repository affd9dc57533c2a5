import {
  getOperationAST,
  GraphQLError,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { AppError } from '../common/errors/app-error';
import { formatGraphqlError } from '../common/errors/graphql-error-formatter';
import {
  parseLimited,
  querySizeError,
  type QuerySizeLimits,
} from '../common/graphql-limits/query-size';
import { graphqlWsError } from './graphql-ws.errors';

export interface SocketPayload {
  readonly query: string;
  readonly operationName?: string | null;
}

/** An AppError as graphql-ws carries errors (GraphQLError), unwrapped again by the formatter. */
export function asGraphqlError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error });
}

/** As Apollo labels them on HTTP, so the shared formatter treats both transports alike. */
function labelled(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error,
    extensions: { ...error.extensions, code },
  });
}

/**
 * What Apollo does to an HTTP request before executing it, for a graphql-ws Subscribe message:
 * the byte limit, the token-limited parse, every validation rule HTTP runs (limits, no
 * introspection in production), and then one more rule of the socket: subscriptions only.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  payload: SocketPayload,
  limits: QuerySizeLimits & { readonly rules: readonly ValidationRule[] },
): { readonly document: DocumentNode } | { readonly errors: readonly GraphQLError[] } {
  const tooLarge = querySizeError(payload.query, limits);
  if (tooLarge !== null) return { errors: [tooLarge] };
  let document: DocumentNode;
  try {
    document = parseLimited(payload.query, limits);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [labelled(error, 'GRAPHQL_PARSE_FAILED')] };
    throw error;
  }
  const invalid = validate(schema, document, limits.rules);
  if (invalid.length > 0) {
    return { errors: invalid.map((e) => labelled(e, 'GRAPHQL_VALIDATION_FAILED')) };
  }
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (operation === null || operation === undefined) {
    return {
      errors: [
        labelled(
          new GraphQLError('Name the operation to run (operationName) among those sent.'),
          'BAD_REQUEST',
        ),
      ],
    };
  }
  if (operation.operation !== 'subscription') {
    return {
      errors: [
        asGraphqlError(
          graphqlWsError(
            'SUBSCRIPTIONS_ONLY',
            `The WebSocket carries subscriptions only; send this ${operation.operation} as an HTTP POST to /graphql.`,
          ),
        ),
      ],
    };
  }
  return { document };
}

const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The HTTP formatter (typed codes, internals hidden and logged) for errors leaving by the socket.
 * In production, validation messages lose graphql-js's "Did you mean …?" hints, which spell out
 * schema names that introspection (off in production) would otherwise hide: what Apollo's
 * `hideSchemaDetailsFromClientErrors` does on HTTP.
 */
export function formatForSocket(error: GraphQLError, production: boolean): GraphQLFormattedError {
  const formatted = formatGraphqlError(error.toJSON(), error);
  if (!production || error.extensions['code'] !== 'GRAPHQL_VALIDATION_FAILED') return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
}
