import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Response } from 'express';
import { readCookie, SESSION_COOKIE } from '../common/auth/cookies';
import type { ChorusRequest, GraphqlContext } from '../common/auth/request-context';
import { AppError } from '../common/errors/app-error';
import { allValidationRules } from '../common/graphql-limits/graphql-limits.rules';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { SessionService } from '../identity/session.service';
import { clientIp } from './client-ip';
import { ConnectionCounter } from './connection-counter';
import { graphqlWsError } from './graphql-ws.errors';
import { isOriginAllowed } from './origin-policy';
import { checkEachEvent, SocketSession } from './socket-session';
import { asGraphqlError, formatForSocket, prepareOperation } from './socket-operation';

export const GRAPHQL_WS_PATH = '/graphql';
/** The same bound as a JSON request body on HTTP (configure-api): ws refuses a bigger frame unread. */
export const GRAPHQL_WS_MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

interface Connection {
  readonly session: SocketSession;
}

function isAsyncGenerator<T>(
  value: AsyncGenerator<T, void, void> | ExecutionResult,
): value is AsyncGenerator<T, void, void> {
  return Symbol.asyncIterator in value;
}

/** Ends a handshake with an HTTP status before any WebSocket exists. */
function refuse(socket: Duplex, status: number, reason: string): void {
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
    );
  }
  socket.destroy();
}

/**
 * graphql-ws on /graphql, owned here rather than by the Apollo driver so the socket applies the
 * HTTP rules: a frame limit, the Origin policy, per-IP and per-user connection caps, the same
 * size limits, validation rules and error formatter, subscriptions only, a cap per connection,
 * and the session looked up again for every operation and every event.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('GraphqlWs');
  private readonly perIp = new ConnectionCounter();
  private readonly perUser = new ConnectionCounter();
  private readonly connections = new WeakMap<IncomingMessage, Connection>();
  private readonly sessionsByContext = new WeakMap<object, SocketSession>();
  private readonly rules: readonly ValidationRule[];
  private wss: WebSocketServer | null = null;
  private disposable: Disposable | null = null;
  private httpServer: Server | null = null;
  private schema: GraphQLSchema | null = null;
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    this.upgrade(request, socket, head).catch((error: unknown) => {
      this.logger.error(
        `upgrade failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      refuse(socket, 503, 'Service Unavailable');
    });
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    // GraphQLModule.forRoot is not global: its schema host is found across modules at start-up.
    private readonly moduleRef: ModuleRef,
    private readonly httpAdapterHost: HttpAdapterHost,
  ) {
    this.rules = allValidationRules(config);
  }

  get openConnections(): number {
    return this.wss?.clients.size ?? 0;
  }

  onApplicationBootstrap(): void {
    const httpServer = this.httpAdapterHost.httpAdapter.getHttpServer() as Server;
    const wss = new WebSocketServer({ noServer: true, maxPayload: GRAPHQL_WS_MAX_PAYLOAD_BYTES });
    const production = this.config.nodeEnv === 'production';
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    this.schema = schema;
    this.disposable = useServer(
      {
        schema,
        isProd: true,
        onSubscribe: (ctx, _id, payload) =>
          this.onSubscribe(ctx.extra.request, ctx.subscriptions, payload),
        subscribe: (args) => this.subscribe(args),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors === undefined
            ? undefined
            : { ...result, errors: result.errors.map((e) => formatForSocket(e, production)) },
        onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatForSocket(e, production)),
      },
      wss,
    );
    httpServer.on('upgrade', this.onUpgrade);
    this.wss = wss;
    this.httpServer = httpServer;
  }

  async onModuleDestroy(): Promise<void> {
    this.httpServer?.off('upgrade', this.onUpgrade);
    await this.disposable?.dispose();
    for (const client of this.wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) =>
      this.wss === null ? resolve() : this.wss.close(() => resolve()),
    );
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const wss = this.wss;
    if (wss === null) return;
    // Nothing else upgrades on this server: an upgrade elsewhere would hold its socket forever.
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== GRAPHQL_WS_PATH) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    if (!isOriginAllowed(request.headers.origin, request.headers.host, this.config.corsOrigins)) {
      refuse(socket, 403, 'Forbidden');
      return;
    }
    const ip = clientIp(request);
    if (!this.perIp.acquire(ip, this.config.graphqlWsMaxConnectionsPerIp)) {
      refuse(socket, 429, 'Too Many Requests');
      return;
    }
    let userId: string | null = null;
    const releaseAll = (): void => {
      this.perIp.release(ip);
      if (userId !== null) this.perUser.release(userId);
    };
    try {
      const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
      const token = cookie === undefined || cookie === '' ? null : cookie;
      const principal = token === null ? null : await this.sessions.resolve(token, new Date());
      if (principal !== null) {
        if (!this.perUser.acquire(principal.userId, this.config.graphqlWsMaxConnectionsPerUser)) {
          this.perIp.release(ip);
          refuse(socket, 429, 'Too Many Requests');
          return;
        }
        userId = principal.userId;
      }
      // A stale cookie opens an anonymous socket, as it makes an anonymous HTTP request.
      const session = new SocketSession(principal === null ? null : token, this.sessions);
      this.connections.set(request, { session });
    } catch (error) {
      releaseAll();
      throw error;
    }
    // The TCP socket closes however the connection ends (refused handshake, close, terminate).
    socket.once('close', releaseAll);
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  }

  private async onSubscribe(
    request: IncomingMessage,
    subscriptions: Readonly<Record<string, unknown>>,
    payload: {
      readonly query: string;
      readonly operationName?: string | null;
      readonly variables?: Record<string, unknown> | null;
    },
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const connection = this.connections.get(request);
    // Every socket passes upgrade() first; a missing entry is a bug, reported as an internal error.
    if (connection === undefined) throw new Error('graphql-ws connection without handshake state');
    // graphql-ws registers this operation before calling onSubscribe, so it is counted.
    if (Object.keys(subscriptions).length > this.config.graphqlWsMaxSubscriptions) {
      return [
        asGraphqlError(
          graphqlWsError(
            'SUBSCRIPTION_LIMIT',
            `One connection may hold at most ${this.config.graphqlWsMaxSubscriptions} subscriptions; stop one first.`,
          ),
        ),
      ];
    }
    const schema = this.schema;
    if (schema === null) throw new Error('graphql-ws subscribe before start-up');
    const prepared = prepareOperation(schema, payload, { ...this.config, rules: this.rules });
    if ('errors' in prepared) return prepared.errors;
    let principal;
    try {
      principal = await connection.session.principal();
    } catch (error) {
      if (error instanceof AppError) return [asGraphqlError(error)];
      throw error;
    }
    // A fresh request object per operation: the AuthGuard caches the principal on it.
    const req = Object.assign(Object.create(request) as ChorusRequest, { principal });
    const contextValue: GraphqlContext = { req, res: undefined as unknown as Response };
    this.sessionsByContext.set(contextValue, connection.session);
    return {
      schema,
      document: prepared.document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue,
    };
  }

  private async subscribe(
    args: ExecutionArgs,
  ): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> {
    const result = await subscribe(args);
    const session =
      typeof args.contextValue === 'object' && args.contextValue !== null
        ? this.sessionsByContext.get(args.contextValue)
        : undefined;
    if (!isAsyncGenerator(result) || session === undefined) return result;
    return checkEachEvent(result, () => session.principal());
  }
}
