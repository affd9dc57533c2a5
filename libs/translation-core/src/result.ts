/** A typed success-or-failure value: parsing and export never throw for bad input. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly E[] };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E>(errors: readonly E[]): {
  readonly ok: false;
  readonly errors: readonly E[];
} {
  return { ok: false, errors };
}
