import { CommanderError } from 'commander';

/** Exit codes, documented in the README and docs/delivery.md: CI scripts depend on them. */
export const EXIT = { ok: 0, usage: 1, coverage: 2, auth: 3, server: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure that ends the command with an exit code; its message was already printed. */
export class CliFailure extends CommanderError {
  constructor(exitCode: ExitCode, message: string) {
    super(exitCode, `chorus.${exitCode}`, message);
  }
}
