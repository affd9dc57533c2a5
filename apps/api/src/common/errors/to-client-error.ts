import { HttpException } from '@nestjs/common';
import { AppError, type JsonValue } from './app-error';

export interface ClientError {
  readonly code: string;
  readonly message: string;
  readonly status: number;
  readonly details?: { readonly [key: string]: JsonValue };
}

const INTERNAL: ClientError = {
  code: 'INTERNAL_SERVER_ERROR',
  message: 'Internal server error. It has been logged; please try again.',
  status: 500,
};

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_USER_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  }
}

function httpMessage(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) return message.map(String).join('; ');
    if (typeof message === 'string') return message;
  }
  return error.message;
}

/**
 * Maps anything thrown to what a client may see. Unknown errors become a generic
 * INTERNAL_SERVER_ERROR (the caller logs the original); stack traces never leave the server.
 */
export function toClientError(error: unknown): ClientError | typeof INTERNAL {
  if (error instanceof AppError) {
    return error.details === undefined
      ? { code: error.code, message: error.message, status: error.status }
      : { code: error.code, message: error.message, status: error.status, details: error.details };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return INTERNAL;
    return { code: httpCode(status), message: httpMessage(error), status };
  }
  return INTERNAL;
}
