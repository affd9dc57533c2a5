/** What global setup hands to the browser tests (through process.env, read once here). */
export interface StackEnv {
  readonly baseUrl: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

export function stackEnv(): StackEnv {
  const baseUrl = process.env['CHORUS_E2E_BASE_URL'];
  const databaseUrl = process.env['CHORUS_E2E_DATABASE_URL'];
  if (baseUrl === undefined || databaseUrl === undefined)
    throw new Error('The e2e stack is not running: run through apps/web/e2e jest config');
  return { baseUrl, databaseUrl, redisUrl: process.env['CHORUS_E2E_REDIS_URL'] ?? '' };
}
