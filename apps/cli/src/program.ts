import { Command, CommanderError } from 'commander';
import { VERSION } from './version';

/** Exit codes, documented in the README: CI scripts depend on them. */
export const EXIT = { ok: 0, usage: 1, coverage: 2, auth: 3, server: 4 } as const;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch: typeof fetch;
}

function serverUrl(option: string | undefined, env: CliIo['env']): string {
  return (option ?? env['CHORUS_URL'] ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/** Builds the `chorus` command; `run` parses argv and returns the exit code (never calls process.exit). */
export function buildProgram(io: CliIo): Command {
  const program = new Command('chorus')
    .description(
      'Chorus command line: push catalogues, pull decided locale bundles, check coverage.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .option('--url <url>', 'server URL (default $CHORUS_URL or http://localhost:3000)')
    .option('--json', 'machine-readable output')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('health')
    .description('check that the server and its database and queue are up')
    .action(async () => {
      const options = program.opts<{ url?: string; json?: boolean }>();
      const base = serverUrl(options.url, io.env);
      let response: Response;
      try {
        response = await io.fetch(`${base}/health`);
      } catch (error) {
        io.err(
          `chorus: cannot reach ${base}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        throw new CommanderError(EXIT.server, 'chorus.server', 'unreachable');
      }
      const body = (await response.json()) as Record<string, string>;
      if (options.json === true) io.out(`${JSON.stringify(body)}\n`);
      else
        io.out(
          `${base}: ${body['status'] ?? 'unknown'} (postgres ${body['postgres']}, queue ${body['queue']})\n`,
        );
      if (!response.ok) throw new CommanderError(EXIT.server, 'chorus.server', 'unhealthy');
    });

  return program;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
        return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      return error.code.startsWith('chorus.') ? error.exitCode : EXIT.usage;
    }
    io.err(`chorus: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.server;
  }
}
