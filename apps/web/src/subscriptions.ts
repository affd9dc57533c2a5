import { type Client, createClient } from 'graphql-ws';
import type { TypedDocument } from './graphql-client';

let client: Client | null = null;

function websocketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/graphql`;
}

function sharedClient(): Client {
  // Lazy: the socket opens with the first subscription and closes after the last one.
  client ??= createClient({ url: websocketUrl(), lazy: true, retryAttempts: 5 });
  return client;
}

export type Unsubscribe = () => void;

/** Subscribes through graphql-ws at ws(s)://<host>/graphql; returns the function that stops it. */
export function subscribe<TData, TVariables extends object>(
  doc: TypedDocument<TData, TVariables>,
  variables: TVariables,
  onData: (data: TData) => void,
  onError: (error: unknown) => void = () => undefined,
): Unsubscribe {
  return sharedClient().subscribe<TData>(
    { query: doc.query, variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.data !== undefined && result.data !== null) onData(result.data);
      },
      error: onError,
      complete: () => undefined,
    },
  );
}
