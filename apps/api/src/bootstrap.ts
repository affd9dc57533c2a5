import { parseEnv, EnvError, type AppConfig } from './config/env.schema';

/** Reads the environment or exits with one line naming the bad variable (no stack trace). */
export function loadConfigOrExit(): AppConfig {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`chorus: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Start-up failures (database unreachable, port taken) end in one clear line too. */
export function exitOnStartupError(what: string) {
  return (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`chorus: ${what} failed: ${message}\n`);
    process.exit(1);
  };
}
