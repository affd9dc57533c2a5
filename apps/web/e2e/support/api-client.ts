/** A signed-in API user for test set-up (other voters, the developer), over the real GraphQL. */
export class ApiUser {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chorus-csrf': '1', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0] ?? '';
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors !== undefined) throw new Error(body.errors.map((e) => e.message).join('; '));
    if (body.data === undefined) throw new Error(`no data (${response.status})`);
    return body.data;
  }

  async signUp(email: string, displayName: string): Promise<this> {
    await this.graphql('mutation($input: SignUpInput!) { signUp(input: $input) { id } }', {
      input: { email, displayName, password: 'e2e password 123' },
    });
    return this;
  }

  get sessionCookie(): string {
    return this.cookie;
  }
}

export function hasApiField(name: string): boolean {
  return (process.env['CHORUS_E2E_API_FIELDS'] ?? '').split(',').includes(name);
}
