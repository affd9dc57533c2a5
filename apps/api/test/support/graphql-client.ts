/** A GraphQL client as a browser is one: JSON over POST, session in a cookie jar. */
export interface GraphqlResponse<T> {
  readonly status: number;
  readonly data: T | null;
  readonly errors?: ReadonlyArray<{
    message: string;
    extensions?: { code?: string; details?: unknown };
  }>;
}

export class TestClient {
  private cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // What a browser sends with every POST; the CSRF check reads it on cookie writes.
        origin: this.baseUrl,
        ...(this.cookie === null ? {} : { cookie: this.cookie }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0] ?? null;
    const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'>;
    return { status: response.status, ...body, data: body.data ?? null };
  }

  /** Data of a request expected to succeed; fails the test with the server's errors otherwise. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors !== undefined || result.data === null) {
      throw new Error(`GraphQL request failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** The error code of a request expected to fail. */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    const result = await this.gql(query, variables);
    return result.errors?.[0]?.extensions?.code;
  }

  setRawCookie(cookie: string | null): void {
    this.cookie = cookie;
  }

  get rawCookie(): string | null {
    return this.cookie;
  }
}

let counter = 0;

/** Signs up a fresh user and returns a client holding their session. */
export async function signedInClient(
  baseUrl: string,
  name = 'user',
): Promise<{ client: TestClient; id: string; email: string }> {
  counter += 1;
  const email = `${name}-${process.pid}-${counter}@example.test`;
  const client = new TestClient(baseUrl);
  const data = await client.ok<{ signUp: { id: string } }>(
    'mutation($i: SignUpInput!) { signUp(input: $i) { id } }',
    { i: { email, password: 'correct horse battery', displayName: name } },
  );
  return { client, id: data.signUp.id, email };
}
