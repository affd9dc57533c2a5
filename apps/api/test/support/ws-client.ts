import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningApi } from './test-app';

// graphql-ws clients for the subscription tests: real sockets against the test API.

/** What one subscription received, in order; `next()` waits for the following message. */
export class Received {
  readonly messages: { kind: 'data' | 'error' | 'complete'; value: unknown }[] = [];
  private waiters: (() => void)[] = [];

  push(kind: 'data' | 'error' | 'complete', value: unknown): void {
    this.messages.push({ kind, value });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits until `count` messages arrived (the int-spec timeout is the hang guard). */
  async atLeast(count: number): Promise<this> {
    while (this.messages.length < count) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this;
  }
}

/** Polls `done` until it holds; the int-spec timeout is the hang guard, not a wall-clock race. */
export async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}

export function errorCodes(value: unknown): string[] {
  const errors = Array.isArray(value)
    ? value
    : ((value as { errors?: unknown[] } | null)?.errors ?? []);
  return errors.map((e) => String((e as { extensions?: { code?: string } }).extensions?.code));
}

export function wsUrl(api: RunningApi): string {
  return `${api.baseUrl.replace('http', 'ws')}/graphql`;
}

/** A graphql-ws client whose handshake carries these headers (the cookie, an Origin). */
export function socket(api: RunningApi, headers: Record<string, string> = {}): Client {
  class HeaderSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return createClient({
    url: wsUrl(api),
    webSocketImpl: HeaderSocket,
    lazy: true,
    retryAttempts: 0,
  });
}

export function subscribe(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Received {
  const received = new Received();
  client.subscribe(
    { query, variables },
    {
      next: (value) => received.push(value.errors === undefined ? 'data' : 'error', value),
      error: (error) => received.push('error', error),
      complete: () => received.push('complete', null),
    },
  );
  return received;
}

/**
 * The first subscription of a process opens its pub/sub channel: subscribes once and publishes
 * until that subscription delivers, so the subscriptions a test starts afterwards receive every
 * event published once the server holds them.
 */
export async function warmUpLiveChannel(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown>,
  publish: () => Promise<void>,
): Promise<void> {
  const warmUp = socket(api);
  const first = subscribe(warmUp, query, variables);
  await until(() => {
    void publish();
    return first.messages.length > 0;
  });
  await warmUp.dispose();
}
