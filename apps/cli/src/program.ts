import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { pull, verify } from './commands/pull';
import { PUSH_CONCURRENCY, push } from './commands/push';
import { issues } from './commands/issues';
import { status } from './commands/status';
import { EXIT, CliFailure } from './failure';
import { ChorusHttp } from './http';
import type { CliIo } from './io';
import { VERSION } from './version';

export { EXIT } from './failure';
export type { CliIo } from './io';

interface GlobalOptions {
  readonly url?: string;
  readonly json?: boolean;
}

function serverUrl(option: string | undefined, env: CliIo['env']): string {
  return (option ?? env['CHORUS_URL'] ?? 'http://localhost:3000').replace(/\/+$/, '');
}

function list(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ];
}

function percent(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new InvalidArgumentError('expected a percentage between 0 and 100');
  return n;
}

/** Builds the `chorus` command; `run` parses argv and returns the exit code (never calls process.exit). */
export function buildProgram(io: CliIo): Command {
  const program = new Command('chorus')
    .description(
      'Chorus command line: push catalogues, pull decided locale bundles, check coverage.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .option('--url <url>', 'server URL (default $CHORUS_URL or http://localhost:3000)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText(
      'after',
      '\nThe API token is read from $CHORUS_TOKEN.\nExit codes: 0 ok, 1 usage, 2 coverage below --min-coverage or --verify mismatch, 3 auth, 4 server or unreachable.',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  const http = (): ChorusHttp => {
    const options = program.opts<GlobalOptions>();
    return new ChorusHttp(io, serverUrl(options.url, io.env), io.env['CHORUS_TOKEN']);
  };
  const json = (): boolean => program.opts<GlobalOptions>().json === true;

  program
    .command('health')
    .description('check that the server and its database and queue are up')
    .action(async () => {
      const client = http();
      let response: Response;
      try {
        response = await io.fetch(`${client.baseUrl}/health`);
      } catch (error) {
        io.err(
          `chorus: cannot reach ${client.baseUrl}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        throw new CliFailure(EXIT.server, 'unreachable');
      }
      const body = (await response.json()) as Record<string, string>;
      if (json()) io.out(`${JSON.stringify(body)}\n`);
      else
        io.out(
          `${client.baseUrl}: ${body['status'] ?? 'unknown'} (postgres ${body['postgres']}, queue ${body['queue']})\n`,
        );
      if (!response.ok) throw new CliFailure(EXIT.server, 'unhealthy');
    });

  program
    .command('push')
    .description('upload catalogue files (i18next JSON) to a project')
    .argument('<files...>', 'JSON files, e.g. locales/en/translation.json')
    .requiredOption('-p, --project <slug>', 'project slug')
    .option('-n, --namespace <name>', 'namespace (default: each file name without .json)')
    .option(
      '-l, --locale <code>',
      "locale of the files (default: from locales/<lng>/<ns>.json, else the project's source locale)",
    )
    .addOption(
      new Option('--key-separator <sep>', 'how keys are nested in the files').choices([
        '.',
        'false',
      ]),
    )
    .addOption(
      new Option(
        '--json-format <version>',
        'i18next JSON version of the files: v3 (key_plural) or v4 (key_one/key_other); default: detected per file (v3 when a key_plural sits beside its key and no key ends in _other)',
      ).choices(['v3', 'v4', 'auto']),
    )
    .option('--report <file>', 'write every warning of every file as JSON, e.g. import-report.json')
    .addHelpText(
      'after',
      `\nFiles go in the given order; per namespace, its first file (put the source first) and files\nwithout a locale go alone, the others ${PUSH_CONCURRENCY} at a time. Warnings are summarised by code.`,
    )
    .action(
      async (
        files: string[],
        options: {
          project: string;
          namespace?: string;
          locale?: string;
          keySeparator?: string;
          jsonFormat?: string;
          report?: string;
        },
      ) => {
        await push(io, http(), { ...options, files, json: json() });
      },
    );

  program
    .command('pull')
    .description('download decided locale bundles, write chorus.lock.json, gate on coverage')
    .option('-p, --project <slug>', 'project slug (required unless --verify)')
    .option('-o, --out <dir>', 'output directory: <dir>/<locale>/<namespace>.json')
    .option('--locales <codes>', 'comma-separated locales (default: all)', list)
    .option('--namespaces <names>', 'comma-separated namespaces (default: all)', list)
    .option('--min-coverage <percent>', 'exit 2 when a locale is below this coverage', percent)
    .addOption(
      new Option('--format <format>', 'key layout of written files')
        .choices(['nested', 'flat'])
        .default('nested'),
    )
    .option(
      '--lock <file>',
      'lock file path (default: chorus.lock.json in the directory that holds --out, e.g. public/ for --out public/locales; with --verify and no --out, the working directory)',
    )
    .option('--verify', 'check files on disk against the lock file instead of downloading')
    .action(
      async (options: {
        project?: string;
        out?: string;
        locales?: string[];
        namespaces?: string[];
        minCoverage?: number;
        format: 'nested' | 'flat';
        lock?: string;
        verify?: boolean;
      }) => {
        if (options.verify === true) {
          await verify(io, {
            json: json(),
            ...(options.lock === undefined ? {} : { lock: options.lock }),
            ...(options.out === undefined ? {} : { out: options.out }),
          });
          return;
        }
        if (options.project === undefined || options.out === undefined) {
          io.err('chorus: pull needs --project <slug> and --out <dir> (or --verify)\n');
          throw new CliFailure(EXIT.usage, 'missing options');
        }
        await pull(io, http(), {
          project: options.project,
          out: options.out,
          format: options.format,
          json: json(),
          ...(options.lock === undefined ? {} : { lock: options.lock }),
          ...(options.locales === undefined ? {} : { locales: options.locales }),
          ...(options.namespaces === undefined ? {} : { namespaces: options.namespaces }),
          ...(options.minCoverage === undefined ? {} : { minCoverage: options.minCoverage }),
        });
      },
    );

  program
    .command('status')
    .description('print translation coverage per locale')
    .requiredOption('-p, --project <slug>', 'project slug')
    .action(async (options: { project: string }) => {
      await status(io, http(), { project: options.project, json: json() });
    });

  program
    .command('issues')
    .description('list source strings flagged as source issues (questions for the developers)')
    .requiredOption('-p, --project <slug>', 'project slug')
    .action(async (options: { project: string }) => {
      await issues(io, http(), { project: options.project, json: json() });
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
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      return error.code.startsWith('chorus.') ? error.exitCode : EXIT.usage;
    }
    io.err(`chorus: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.server;
  }
}
