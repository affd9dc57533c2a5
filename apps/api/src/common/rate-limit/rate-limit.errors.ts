import type { Response } from 'express';
import { AppError } from '../errors/app-error';
import { commonError } from '../errors/common.errors';

/** RATE_LIMITED (HTTP 429) with `details.retryAfter` in whole seconds, as Retry-After says it. */
export function rateLimited(retryAfterSeconds: number, what: string): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return commonError('RATE_LIMITED', `Too many ${what}. Try again in ${seconds} s.`, {
    retryAfter: seconds,
  });
}

/** The retryAfter of a RATE_LIMITED error, for the Retry-After header and GraphQL extensions. */
export function retryAfterOf(error: AppError): number | undefined {
  const value = error.details?.['retryAfter'];
  return error.code === 'RATE_LIMITED' && typeof value === 'number' ? value : undefined;
}

/** Sets Retry-After on an HTTP response for a RATE_LIMITED error (no response over a WebSocket). */
export function setRetryAfter(res: Response | undefined, error: unknown): void {
  const seconds = error instanceof AppError ? retryAfterOf(error) : undefined;
  if (seconds !== undefined && res !== undefined && !res.headersSent) {
    res.setHeader('Retry-After', String(seconds));
  }
}
