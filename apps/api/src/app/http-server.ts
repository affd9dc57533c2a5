import { createServer, type ServerOptions } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { HttpTimeouts } from '../config/env.schema';

/**
 * How often Node looks for requests past their headers or request timeout. Its default (30 s)
 * would let a client that sends headers a byte at a time hold its socket up to 30 s past
 * HTTP_HEADERS_TIMEOUT_MS; a quarter of the timeout, at most 5 s, keeps the overrun small
 * for a check that walks the open connections once.
 */
function connectionsCheckingInterval(timeouts: HttpTimeouts): number {
  return Math.min(5_000, Math.max(250, Math.floor(timeouts.headersMs / 4)));
}

function httpServerOptions(timeouts: HttpTimeouts): ServerOptions {
  return {
    keepAliveTimeout: timeouts.keepAliveMs,
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: connectionsCheckingInterval(timeouts),
  };
}

/**
 * Nest's Express adapter, on a Node HTTP server created with the configured timeouts (Nest
 * creates it with Node's defaults: a 5 s keep-alive, below every common proxy's idle timeout,
 * and 60 s for headers). The checking interval can only be given to `createServer`. The
 * graphql-ws server shares this server: the headers timeout covers an upgrade request too, and
 * once upgraded a socket leaves these timeouts for the WebSocket server's own bounds (a
 * connection_init within 3 s, connections capped per user and per IP at the handshake).
 */
export class TimedExpressAdapter extends ExpressAdapter {
  constructor(private readonly timeouts: HttpTimeouts) {
    super();
  }

  override initHttpServer(options: NestApplicationOptions): void {
    // TLS is the reverse proxy's job (docs/security.md) and nothing here asks Nest to track
    // connections; either would keep Nest's own server.
    if (options.httpsOptions !== undefined || options.forceCloseConnections === true) {
      super.initHttpServer(options);
      return;
    }
    this.setHttpServer(createServer(httpServerOptions(this.timeouts), this.getInstance()));
  }
}
