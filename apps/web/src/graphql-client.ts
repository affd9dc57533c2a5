/** Minimal typed GraphQL over fetch; the session travels in an httpOnly cookie. */
export interface GraphqlErrorShape {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly details?: unknown };
}

export class GraphqlRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

/** Variables of an operation that takes none. */
export type NoVariables = Record<never, never>;

/** A hand-written operation with its result and variable types attached. */
export interface TypedDocument<TData, TVariables extends object = NoVariables> {
  readonly query: string;
  /** Phantom fields: never set, they only carry the types. */
  readonly __data?: TData;
  readonly __variables?: TVariables;
}

export function document<TData, TVariables extends object = NoVariables>(
  query: string,
): TypedDocument<TData, TVariables> {
  return { query };
}

export async function graphql<TData, TVariables extends object = NoVariables>(
  query: string,
  variables?: TVariables,
  fetchImpl: typeof fetch = fetch,
): Promise<TData> {
  const response = await fetchImpl('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    // x-chorus-csrf: a header no HTML form can send; the API wants it (or Origin) on cookie writes.
    headers: { 'content-type': 'application/json', 'x-chorus-csrf': '1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphqlErrorShape[] };
  const first = body.errors?.[0];
  if (first !== undefined) {
    throw new GraphqlRequestError(
      first.extensions?.code ?? 'UNKNOWN',
      first.message,
      first.extensions?.details,
    );
  }
  if (body.data === undefined || body.data === null) {
    throw new GraphqlRequestError(
      'EMPTY_RESPONSE',
      `The server answered ${response.status} without data.`,
    );
  }
  return body.data;
}

/** Runs a typed document. */
export function request<TData, TVariables extends object>(
  doc: TypedDocument<TData, TVariables>,
  ...variables: keyof TVariables extends never ? [] : [TVariables]
): Promise<TData> {
  return graphql<TData, TVariables>(doc.query, variables[0]);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
