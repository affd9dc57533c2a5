/**
 * The one place that reads process.env. Every variable is parsed and validated here at
 * start-up and mapped once to a typed AppConfig; a bad value stops the process with a
 * one-line message naming the variable.
 */
import { type Env, EnvError, boolean, hostList, integer, oneOf, read, url } from './env-readers';

export { EnvError, redact } from './env-readers';

export type QueueBackendKind = 'redis' | 'postgres';
export type LogFormat = 'json' | 'pretty';
export type NodeEnv = 'production' | 'development' | 'test';

/** Points of each throttle (windows are fixed in common/rate-limit/rate-limit.rules.ts). */
export interface RateLimitPoints {
  readonly signInFailsPerIp: number;
  readonly signInFailsPerAccount: number;
  readonly signInConsecutiveFails: number;
  readonly signUpsPerIp: number;
  readonly tokenFailsPerIp: number;
  readonly tokenRequests: number;
  readonly votes: number;
  readonly voteFlips: number;
  readonly reportsPerUser: number;
  readonly reportsPerIp: number;
  readonly joins: number;
  readonly glossaryWrites: number;
  readonly comments: number;
  readonly screenshots: number;
  readonly claims: number;
  readonly reads: number;
  readonly submissions: number;
  readonly projects: number;
  readonly writes: number;
}

export interface AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly queue:
    | { readonly backend: 'redis'; readonly redisUrl: string }
    | {
        readonly backend: 'postgres';
        readonly databaseUrl: string;
      };
  /** Prefix of every BullMQ key (Redis) or schema name (Postgres); lets tests and tenants share a server.
   * May be a Redis Cluster hash tag (`{chorus}`); `plainPrefix` strips the braces where names must be plain. */
  readonly queuePrefix: string;
  /** BullMQ lock of an active job: a crashed worker's job is retried after this long. */
  readonly queueLockMs: number;
  /** How often each worker looks for rounds whose timer was lost (e.g. a Redis without persistence restarted). */
  readonly roundSweepMs: number;
  /** How many other due rounds a close job takes along into its transaction (0: only its own). */
  readonly roundCloseBatch: number;
  /** How often each project's votes are scanned for rings and bursts. */
  readonly abuseScanMs: number;
  /** How long an API process reuses a project's `localeStats` and a locale's `leaderboard` (0: never). */
  readonly statsCacheMs: number;
  readonly sessionTtlHours: number;
  readonly rateLimits: RateLimitPoints;
  readonly logFormat: LogFormat;
  /** Directory of the built web client; served on the API port when set. */
  readonly webDist: string | null;
  readonly seedDemo: boolean;
  /** Benchmarks only: adds the `benchFloor` mutation, W2's authenticated floor (bench-floor/). */
  readonly benchFloor: boolean;
  /** Directory with `<locale>/translation.json` files (the web client's own catalogue) for the demo project. */
  readonly demoCatalogueDir: string | null;
  /** The built example shop (apps/example), served under /example/ for the in-context demo. */
  readonly exampleDist: string | null;
  /** The example shop's `<locale>/translation.json` files: the demo project "example" (in-context). */
  readonly demoExampleDir: string | null;
  /** Where the code-first GraphQL schema is written (development), or null to keep it in memory. */
  readonly schemaFile: string | null;
  /** Least time between two `stringUpdated` messages to one subscription (LiveEventHub). */
  readonly liveStringSpacingMs: number;
  readonly corsOrigins: readonly string[];
  /** Emails (lower case) of instance administrators: queue statistics across every tenant. */
  readonly adminEmails: readonly string[];
  /** Finished or failed import uploads are deleted this long after they were accepted. */
  readonly importUploadRetentionMs: number;
  /** GraphQL requests deeper than this (fields nested in fields) are refused (QUERY_TOO_DEEP). */
  readonly graphqlMaxDepth: number;
  /** Upper bound of a request's estimated cost (QUERY_TOO_COMPLEX); see graphql-limits. */
  readonly graphqlMaxComplexity: number;
  /** Longest GraphQL query string, in UTF-8 bytes (QUERY_TOO_LARGE), checked before parsing. */
  readonly graphqlMaxQueryBytes: number;
  /** Most lexical tokens in a GraphQL document; graphql-js stops parsing past it. */
  readonly graphqlMaxTokens: number;
  /** Active subscriptions one graphql-ws connection may hold (SUBSCRIPTION_LIMIT). */
  readonly graphqlWsMaxSubscriptions: number;
  /** Open graphql-ws connections per signed-in user, per API process. */
  readonly graphqlWsMaxConnectionsPerUser: number;
  /** Open graphql-ws connections per client IP, per API process. */
  readonly graphqlWsMaxConnectionsPerIp: number;
  /** Largest catalogue file accepted by the import endpoints, in bytes. */
  readonly importMaxBytes: number;
  /** Imports with more units than this run as a background job (202 + jobId). */
  readonly importAsyncUnits: number;
  /** Queued imports one worker process runs at once (IMPORT_CONCURRENCY). */
  readonly importConcurrency: number;
  /** Host names and CIDRs webhooks may call although not public (WEBHOOK_ALLOWED_HOSTS). */
  readonly webhookAllowedHosts: readonly string[];
  /** Largest in-context screenshot accepted (SCREENSHOT_MAX_KB), in bytes. */
  readonly screenshotMaxBytes: number;
  /** Most webhooks one project may register. */
  readonly webhookMaxPerProject: number;
  /** E-mail digests of unread notifications; null (no SMTP_URL): in-app only. */
  readonly email: EmailConfig | null;
  /** How long Node's HTTP server waits for slow or idle clients. */
  readonly http: HttpTimeouts;
}

export interface HttpTimeouts {
  /**
   * An idle keep-alive connection is closed this long after its last response
   * (HTTP_KEEP_ALIVE_TIMEOUT_MS). Above a proxy's or load balancer's idle timeout, so the proxy
   * closes first: closed first by Node, a proxy may send a request on a socket being closed (a 502).
   */
  readonly keepAliveMs: number;
  /** A request's headers must arrive within this (HTTP_HEADERS_TIMEOUT_MS); else 408 and close. */
  readonly headersMs: number;
  /** A whole request, body included, must arrive within this (HTTP_REQUEST_TIMEOUT_MS). */
  readonly requestMs: number;
}

export interface EmailConfig {
  /** smtp:// or smtps:// with credentials, as nodemailer takes it. */
  readonly smtpUrl: string;
  readonly from: string;
  /** How often the worker mails each user their unread notifications. */
  readonly digestMs: number;
}

function email(env: Env): EmailConfig | null {
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  if (smtpUrl === undefined) return null;
  const from = read(env, 'MAIL_FROM') ?? 'Chorus <chorus@localhost>';
  if (!/^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(from)) {
    throw new EnvError('MAIL_FROM', `must be an address or "Name <address>" (got "${from}")`);
  }
  return {
    smtpUrl,
    from,
    digestMs: integer(env, 'NOTIFICATION_DIGEST_MINUTES', 60, 1, 10_080) * 60_000,
  };
}

export function parseEnv(env: Env): AppConfig {
  const nodeEnv = oneOf<NodeEnv>(
    env,
    'NODE_ENV',
    ['production', 'development', 'test'],
    'development',
  );
  const production = nodeEnv === 'production';

  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (databaseUrl === undefined) {
    throw new EnvError(
      'DATABASE_URL',
      'is required (postgres://user:password@host:5432/db); `npm start` sets it for you',
    );
  }
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const backend = oneOf<QueueBackendKind>(
    env,
    'QUEUE_BACKEND',
    ['redis', 'postgres'],
    redisUrl === undefined ? 'postgres' : 'redis',
  );
  if (backend === 'redis' && redisUrl === undefined) {
    throw new EnvError('REDIS_URL', 'is required when QUEUE_BACKEND is redis');
  }

  const prefix = read(env, 'QUEUE_PREFIX') ?? 'chorus';
  // `{chorus}` (a Redis Cluster hash tag) keeps every key of a queue on one cluster slot.
  if (!/^(\{[a-z][a-z0-9_]{0,40}\}|[a-z][a-z0-9_]{0,40})$/.test(prefix)) {
    throw new EnvError(
      'QUEUE_PREFIX',
      `must be lowercase letters, digits or _, optionally in {braces} for Redis Cluster (got "${prefix}")`,
    );
  }

  return {
    nodeEnv,
    host: read(env, 'HOST') ?? '0.0.0.0',
    port: integer(env, 'PORT', 3000, 1, 65535),
    databaseUrl,
    queue:
      backend === 'redis' && redisUrl !== undefined
        ? { backend, redisUrl }
        : { backend: 'postgres', databaseUrl },
    queuePrefix: prefix,
    queueLockMs: integer(env, 'QUEUE_LOCK_MS', 30_000, 1_000, 600_000),
    roundSweepMs: integer(env, 'ROUND_SWEEP_MS', 30_000, 200, 3_600_000),
    roundCloseBatch: integer(env, 'ROUND_CLOSE_BATCH', 200, 0, 5_000),
    abuseScanMs: integer(env, 'ABUSE_SCAN_MS', 600_000, 1_000, 86_400_000),
    statsCacheMs: integer(env, 'STATS_CACHE_MS', 10_000, 0, 3_600_000),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    rateLimits: rateLimits(env),
    logFormat: oneOf<LogFormat>(
      env,
      'LOG_FORMAT',
      ['json', 'pretty'],
      production ? 'json' : 'pretty',
    ),
    webDist: read(env, 'WEB_DIST') ?? null,
    seedDemo: demoSeed(env, production, false),
    benchFloor: boolean(env, 'BENCH_FLOOR', false),
    demoCatalogueDir: read(env, 'DEMO_CATALOGUE_DIR') ?? null,
    exampleDist: read(env, 'EXAMPLE_DIST') ?? null,
    demoExampleDir: read(env, 'DEMO_EXAMPLE_DIR') ?? null,
    schemaFile: read(env, 'GRAPHQL_SCHEMA_FILE') ?? null,
    corsOrigins: (read(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    adminEmails: (read(env, 'ADMIN_EMAILS') ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter((e) => e !== ''),
    importUploadRetentionMs:
      integer(env, 'IMPORT_UPLOAD_RETENTION_HOURS', 168, 1, 8_760) * 3_600_000,
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
    graphqlMaxComplexity: integer(env, 'GRAPHQL_MAX_COMPLEXITY', 5_000, 10, 1_000_000),
    graphqlMaxQueryBytes: integer(env, 'GRAPHQL_MAX_QUERY_BYTES', 65_536, 1_024, 2_097_152),
    graphqlMaxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 5_000, 100, 1_000_000),
    graphqlWsMaxSubscriptions: integer(env, 'GRAPHQL_WS_MAX_SUBSCRIPTIONS', 50, 1, 10_000),
    liveStringSpacingMs: integer(env, 'LIVE_STRING_SPACING_MS', 500, 0, 10_000),
    graphqlWsMaxConnectionsPerUser: integer(
      env,
      'GRAPHQL_WS_MAX_CONNECTIONS_PER_USER',
      20,
      1,
      10_000,
    ),
    graphqlWsMaxConnectionsPerIp: integer(
      env,
      'GRAPHQL_WS_MAX_CONNECTIONS_PER_IP',
      100,
      1,
      100_000,
    ),
    importMaxBytes: integer(env, 'IMPORT_MAX_MB', 20, 1, 200) * 1024 * 1024,
    importAsyncUnits: integer(env, 'IMPORT_ASYNC_UNITS', 5_000, 1, 10_000_000),
    importConcurrency: integer(env, 'IMPORT_CONCURRENCY', 2, 1, 16),
    webhookAllowedHosts: hostList(env, 'WEBHOOK_ALLOWED_HOSTS'),
    webhookMaxPerProject: integer(env, 'WEBHOOKS_PER_PROJECT', 10, 1, 1_000),
    screenshotMaxBytes: integer(env, 'SCREENSHOT_MAX_KB', 2_048, 16, 20_480) * 1024,
    email: email(env),
    http: httpTimeouts(env),
  };
}

function httpTimeouts(env: Env): HttpTimeouts {
  const headersMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 20_000, 1_000, 300_000);
  const requestMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 300_000, 1_000, 3_600_000);
  if (requestMs < headersMs) {
    throw new EnvError(
      'HTTP_REQUEST_TIMEOUT_MS',
      `must be at least HTTP_HEADERS_TIMEOUT_MS (${headersMs}), got ${requestMs}`,
    );
  }
  return {
    keepAliveMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, 1_000, 600_000),
    headersMs,
    requestMs,
  };
}

const LIMIT_MAX = 1_000_000_000;

function rateLimits(env: Env): RateLimitPoints {
  return {
    signInFailsPerIp: integer(env, 'RATE_LIMIT_SIGN_IN_FAILS_PER_IP', 100, 1, LIMIT_MAX),
    signInFailsPerAccount: integer(env, 'RATE_LIMIT_SIGN_IN_FAILS_PER_ACCOUNT', 50, 1, LIMIT_MAX),
    signInConsecutiveFails: integer(env, 'RATE_LIMIT_SIGN_IN_CONSECUTIVE_FAILS', 10, 1, LIMIT_MAX),
    signUpsPerIp: integer(env, 'RATE_LIMIT_SIGN_UPS_PER_IP', 10, 1, LIMIT_MAX),
    tokenFailsPerIp: integer(env, 'RATE_LIMIT_TOKEN_FAILS_PER_IP', 20, 1, LIMIT_MAX),
    tokenRequests: integer(env, 'RATE_LIMIT_TOKEN_REQUESTS', 600, 1, LIMIT_MAX),
    votes: integer(env, 'RATE_LIMIT_VOTES', 60, 1, LIMIT_MAX),
    voteFlips: integer(env, 'RATE_LIMIT_VOTE_FLIPS', 10, 1, LIMIT_MAX),
    reportsPerUser: integer(env, 'RATE_LIMIT_REPORTS_PER_USER', 20, 1, LIMIT_MAX),
    reportsPerIp: integer(env, 'RATE_LIMIT_REPORTS_PER_IP', 60, 1, LIMIT_MAX),
    joins: integer(env, 'RATE_LIMIT_JOINS', 30, 1, LIMIT_MAX),
    glossaryWrites: integer(env, 'RATE_LIMIT_GLOSSARY_WRITES', 120, 1, LIMIT_MAX),
    comments: integer(env, 'RATE_LIMIT_COMMENTS', 30, 1, LIMIT_MAX),
    screenshots: integer(env, 'RATE_LIMIT_SCREENSHOTS', 20, 1, LIMIT_MAX),
    claims: integer(env, 'RATE_LIMIT_CLAIMS', 120, 1, LIMIT_MAX),
    reads: integer(env, 'RATE_LIMIT_READS', 600, 1, LIMIT_MAX),
    submissions: integer(env, 'RATE_LIMIT_SUBMISSIONS', 30, 1, LIMIT_MAX),
    projects: integer(env, 'RATE_LIMIT_PROJECTS', 10, 1, LIMIT_MAX),
    writes: integer(env, 'RATE_LIMIT_WRITES', 120, 1, LIMIT_MAX),
  };
}

/** The demo account's password is published: production never seeds it, and says so if asked to. */
function demoSeed(env: Env, production: boolean, fallback: boolean): boolean {
  const seed = boolean(env, 'SEED_DEMO', production ? false : fallback);
  if (production && seed) {
    throw new EnvError(
      'SEED_DEMO',
      'cannot be true in production: the demo account has a published password',
    );
  }
  return seed;
}

/** Settings read only by the `npm start` launcher (it then passes a full environment to the processes). */
export interface LauncherConfig {
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  readonly queueBackend: QueueBackendKind | null;
  readonly port: number;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  /** Whether the API seeds the demo (default true, never under NODE_ENV=production). */
  readonly seedDemo: boolean;
}

export function parseLauncherEnv(env: Env): LauncherConfig {
  const queueBackend = read(env, 'QUEUE_BACKEND');
  return {
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']) ?? null,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']) ?? null,
    queueBackend:
      queueBackend === undefined
        ? null
        : oneOf<QueueBackendKind>(env, 'QUEUE_BACKEND', ['redis', 'postgres'], 'redis'),
    port: integer(env, 'PORT', 3000, 1, 65535),
    dataDir: read(env, 'CHORUS_DATA_DIR') ?? '.chorus',
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    seedDemo: demoSeed(env, read(env, 'NODE_ENV') === 'production', true),
  };
}

/** The prefix without Redis Cluster hash-tag braces, for Postgres schema and channel names. */
export function plainPrefix(config: Pick<AppConfig, 'queuePrefix'>): string {
  return config.queuePrefix.replace(/[{}]/g, '');
}
