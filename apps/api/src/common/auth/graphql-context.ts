import type { Response } from 'express';
import type { IncomingMessage } from 'node:http';
import type { ChorusRequest, GraphqlContext } from './request-context';

interface HttpContextSource {
  readonly req: ChorusRequest;
  readonly res: Response;
}

interface WebSocketContextSource {
  readonly extra: { readonly request: IncomingMessage };
}

/**
 * The GraphQL context for HTTP requests and graphql-ws subscriptions alike. Over a WebSocket
 * there is no response object; only the upgrade request's headers (the session cookie) matter.
 */
export function graphqlContext(source: HttpContextSource | WebSocketContextSource): GraphqlContext {
  if ('extra' in source) {
    return { req: source.extra.request as ChorusRequest, res: undefined as unknown as Response };
  }
  return { req: source.req, res: source.res };
}
