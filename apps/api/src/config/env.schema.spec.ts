import { EnvError, parseEnv, parseLauncherEnv, plainPrefix, redact } from './env.schema';

const base = { DATABASE_URL: 'postgres://u:secret@db:5432/chorus' };

function errorOf(env: Record<string, string>): string {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error('expected an EnvError');
}

describe('environment schema', () => {
  it('maps a minimal environment to defaults, choosing the Postgres queue without REDIS_URL', () => {
    const config = parseEnv(base);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      queue: { backend: 'postgres', databaseUrl: base.DATABASE_URL },
      logFormat: 'pretty',
      seedDemo: false,
      liveStringSpacingMs: 500,
    });
    expect(parseEnv({ ...base, LIVE_STRING_SPACING_MS: '0' }).liveStringSpacingMs).toBe(0);
  });

  it('keeps idle connections past a proxy idle timeout, and bounds slow headers and bodies', () => {
    expect(parseEnv(base).http).toEqual({
      keepAliveMs: 65_000,
      headersMs: 20_000,
      requestMs: 300_000,
    });
    expect(
      parseEnv({
        ...base,
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '5000',
        HTTP_HEADERS_TIMEOUT_MS: '2000',
        HTTP_REQUEST_TIMEOUT_MS: '2000',
      }).http,
    ).toEqual({ keepAliveMs: 5_000, headersMs: 2_000, requestMs: 2_000 });
  });

  it('uses Redis when REDIS_URL is set', () => {
    expect(parseEnv({ ...base, REDIS_URL: 'redis://r:6379' }).queue).toEqual({
      backend: 'redis',
      redisUrl: 'redis://r:6379',
    });
  });

  it.each([
    [{}, 'DATABASE_URL is required'],
    [{ DATABASE_URL: 'nonsense' }, 'Invalid environment: DATABASE_URL must be a URL'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL must use postgres: or postgresql:'],
    [{ ...base, PORT: '70000' }, 'PORT must be an integer from 1 to 65535 (got "70000")'],
    [{ ...base, REDIS_URL: 'http://r' }, 'REDIS_URL must use redis: or rediss:'],
    [{ ...base, QUEUE_BACKEND: 'redis' }, 'REDIS_URL is required when QUEUE_BACKEND is redis'],
    [
      { ...base, NODE_ENV: 'production', SEED_DEMO: 'true' },
      'SEED_DEMO cannot be true in production',
    ],
    [{ ...base, LOG_FORMAT: 'xml' }, 'LOG_FORMAT must be one of json, pretty (got "xml")'],
    [{ ...base, SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false'],
    [{ ...base, QUEUE_PREFIX: 'Bad-Prefix' }, 'QUEUE_PREFIX must be lowercase'],
    [{ ...base, ROUND_CLOSE_BATCH: '-1' }, 'ROUND_CLOSE_BATCH must be an integer from 0 to 5000'],
    [
      { ...base, HTTP_KEEP_ALIVE_TIMEOUT_MS: '999' },
      'HTTP_KEEP_ALIVE_TIMEOUT_MS must be an integer from 1000 to 600000',
    ],
    [
      { ...base, HTTP_HEADERS_TIMEOUT_MS: '30000', HTTP_REQUEST_TIMEOUT_MS: '10000' },
      'HTTP_REQUEST_TIMEOUT_MS must be at least HTTP_HEADERS_TIMEOUT_MS (30000), got 10000',
    ],
    [
      { ...base, LIVE_STRING_SPACING_MS: '10001' },
      'LIVE_STRING_SPACING_MS must be an integer from 0 to 10000',
    ],
  ])('names the bad variable: %j', (env, message) => {
    expect(errorOf(env)).toContain(message);
  });

  it('sends e-mail digests only with SMTP_URL, and checks it, MAIL_FROM and the interval', () => {
    expect(parseEnv(base).email).toBeNull();
    expect(
      parseEnv({ ...base, SMTP_URL: 'smtps://u:pw@mail:465', NOTIFICATION_DIGEST_MINUTES: '15' })
        .email,
    ).toEqual({
      smtpUrl: 'smtps://u:pw@mail:465',
      from: 'Chorus <chorus@localhost>',
      digestMs: 900_000,
    });
    expect(errorOf({ ...base, SMTP_URL: 'http://mail' })).toMatch(/SMTP_URL.*smtp: or smtps:/);
    expect(errorOf({ ...base, SMTP_URL: 'smtp://u:pw@mail', MAIL_FROM: 'a\nBcc: x@y' })).toMatch(
      /MAIL_FROM/,
    );
    expect(errorOf({ ...base, SMTP_URL: 'smtp://mail', NOTIFICATION_DIGEST_MINUTES: '0' })).toMatch(
      /NOTIFICATION_DIGEST_MINUTES/,
    );
  });

  it('never echoes a password in an error or log line', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://u:hunter2@h/db' })).not.toContain('hunter2');
    expect(redact('postgres://u:hunter2@h:5432/db')).toBe('postgres://u:***@h:5432/db');
  });

  it('accepts a Redis Cluster hash-tag prefix and keeps Postgres names plain', () => {
    const config = parseEnv({ ...base, QUEUE_PREFIX: '{chorus}' });
    expect(config.queuePrefix).toBe('{chorus}');
    expect(plainPrefix(config)).toBe('chorus');
  });

  it('defaults JSON logs in production', () => {
    const config = parseEnv({ ...base, NODE_ENV: 'production' });
    expect(config.logFormat).toBe('json');
  });

  it('reads the launcher settings, all optional', () => {
    expect(parseLauncherEnv({})).toEqual({
      databaseUrl: null,
      redisUrl: null,
      queueBackend: null,
      port: 3000,
      dataDir: '.chorus',
      embeddedPostgresPort: 54329,
      seedDemo: true,
    });
  });

  it('never seeds the demo account (published password) in production, even through npm start', () => {
    expect(parseLauncherEnv({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(parseEnv({ ...base, NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(() => parseLauncherEnv({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(
      'SEED_DEMO cannot be true in production',
    );
  });

  it('has no SESSION_SECRET: session tokens are 256-bit random values stored as SHA-256', () => {
    expect(parseEnv({ ...base, NODE_ENV: 'production' })).not.toHaveProperty('sessionSecret');
  });
});
