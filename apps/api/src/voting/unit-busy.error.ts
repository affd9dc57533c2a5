/**
 * A close job found its own unit held by another transaction (usually another batch that took it
 * along) and did not wait for it. The job is retried by BullMQ with its backoff; by then the round
 * is usually settled and the retry returns at once. Not a user-facing error.
 */
export class UnitBusyError extends Error {
  constructor(
    readonly unitId: string,
    /** Rounds the batch decided before the error (as TickOutcome.decidedRoundIds). */
    readonly decidedRoundIds: readonly string[],
  ) {
    super(`translation_unit ${unitId} is held by another transaction; the close job will retry`);
    this.name = 'UnitBusyError';
  }
}
