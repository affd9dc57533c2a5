import { HttpException } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
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
 * Postgres refusing a value the client sent (an id that is not a UUID, a NUL character in text)
 * is the client's mistake, not the server's: 400 with a message that says what to fix, never the
 * database's own text. Inputs are validated before they reach SQL; this catches any path that
 * forgot, so it can never surface as a 500.
 */
function invalidValue(error: QueryFailedError | DatabaseError): ClientError | null {
  // TypeORM wraps the driver's error; prepared statements (database/prepared-query) throw pg's own.
  const code =
    error instanceof DatabaseError
      ? error.code
      : (error.driverError as { code?: unknown } | undefined)?.code;
  if (code === '22P02') {
    const uuid = /invalid input syntax for type uuid: "(.{0,80})/.exec(error.message);
    return {
      code: 'BAD_USER_INPUT',
      message:
        uuid === null
          ? 'A value in the request has the wrong form for its field; check the ids and numbers sent.'
          : `"${uuid[1]?.replace(/"$/, '') ?? ''}" is not a valid id: ids are UUIDs like 00000000-0000-4000-8000-000000000000.`,
      status: 400,
    };
  }
  // 22021: invalid byte sequence (Postgres text cannot hold NUL, U+0000).
  if (code === '22021') {
    return {
      code: 'BAD_USER_INPUT',
      message:
        'Text in the request contains a NUL character (U+0000), which cannot be stored; remove it.',
      status: 400,
    };
  }
  return null;
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
  if (error instanceof QueryFailedError || error instanceof DatabaseError) {
    return invalidValue(error) ?? INTERNAL;
  }
  return INTERNAL;
}
