/**
 * Every error a client may see is an AppError: a stable machine code, a message that says
 * what was wrong and what to do, and the HTTP status used when it leaves through REST.
 * Each bounded context declares its codes in `<context>.errors.ts`.
 */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: { readonly [key: string]: JsonValue },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Builds a typed factory for one context's codes: `identityError('INVALID_CREDENTIALS', '…')`. */
export function errorFactory<C extends string>(statusByCode: Readonly<Record<C, number>>) {
  return (code: C, message: string, details?: { readonly [key: string]: JsonValue }): AppError =>
    new AppError(code, message, statusByCode[code], details);
}
