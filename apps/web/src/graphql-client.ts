/** Minimal typed GraphQL over fetch; the session travels in an httpOnly cookie. */
export interface GraphqlErrorShape {
  readonly message: string;
  readonly extensions?: { readonly code?: string };
}

export class GraphqlRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

export async function graphql<
  TData,
  TVariables extends Record<string, unknown> = Record<string, never>,
>(query: string, variables?: TVariables, fetchImpl: typeof fetch = fetch): Promise<TData> {
  const response = await fetchImpl('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphqlErrorShape[] };
  const first = body.errors?.[0];
  if (first !== undefined) {
    throw new GraphqlRequestError(first.extensions?.code ?? 'UNKNOWN', first.message);
  }
  if (body.data === undefined || body.data === null) {
    throw new GraphqlRequestError(
      'EMPTY_RESPONSE',
      `The server answered ${response.status} without data.`,
    );
  }
  return body.data;
}
