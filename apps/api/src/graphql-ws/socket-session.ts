import type { Principal } from '../common/auth/request-context';
import { identityError } from '../identity/identity.errors';
import type { SessionService } from '../identity/session.service';

/**
 * The session a graphql-ws connection was opened with, looked up again for every operation and
 * every delivered event, so sign-out, a ban or expiry ends what the socket may do at once.
 * Concurrent look-ups share one query: one event fanned out to many subscriptions of this socket
 * costs one session read, not one per subscription.
 */
export class SocketSession {
  private inFlight: Promise<Principal | null> | null = null;

  constructor(
    /** The session cookie of the handshake; null for an anonymous connection. */
    private readonly token: string | null,
    private readonly sessions: Pick<SessionService, 'resolve'>,
  ) {}

  /** The principal now, or SESSION_EXPIRED when the socket's session no longer holds. */
  async principal(): Promise<Principal | null> {
    if (this.token === null) return null;
    const token = this.token;
    this.inFlight ??= this.sessions.resolve(token, new Date()).finally(() => {
      this.inFlight = null;
    });
    const principal = await this.inFlight;
    if (principal === null) {
      throw identityError(
        'SESSION_EXPIRED',
        'Your session has ended (signed out, expired or the account was suspended). Sign in again to reconnect.',
      );
    }
    return principal;
  }
}

/** An async generator's shape (graphql-ws calls `return()` on Complete only when it has `throw`). */
export interface EventStream<T> extends AsyncIterableIterator<T> {
  return(): Promise<IteratorResult<T, void>>;
  throw(error: unknown): Promise<IteratorResult<T, void>>;
}

/**
 * Wraps a subscription's event stream so that `check` runs before each event is handed to the
 * client; when it throws, the stream ends with that error (graphql-ws sends it as the
 * subscription's error) and the source is released. Not an async generator function: its
 * `return()` must reach the source at once, even while `next()` waits for an event.
 */
export function checkEachEvent<T>(
  source: AsyncGenerator<T, void, void>,
  check: () => Promise<unknown>,
): EventStream<T> {
  const generator: EventStream<T> = {
    async next() {
      const step = await source.next();
      if (step.done === true) return step;
      try {
        await check();
      } catch (error) {
        await source.return();
        throw error;
      }
      return step;
    },
    return: () => source.return(),
    throw: (error: unknown) => source.throw(error),
    [Symbol.asyncIterator]() {
      return generator;
    },
  };
  return generator;
}
