import { DataSource } from 'typeorm';
import { TestClient, signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { id email displayName } }';
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { id email } }';
const ME = '{ me { id email displayName } }';

describe('accounts and sessions', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
  });

  afterAll(() => api.close());

  it('signs up, keeps the session in an httpOnly SameSite cookie, and answers me', async () => {
    const client = new TestClient(api.baseUrl);
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: SIGN_UP,
        variables: {
          i: { email: 'Ada@Example.test', password: 'analytical engine', displayName: 'Ada' },
        },
      }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^chorus_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const body = (await response.json()) as { data: { signUp: { email: string } } };
    expect(body.data.signUp.email).toBe('ada@example.test');

    client.setRawCookie(cookie.split(';')[0] ?? null);
    const me = await client.ok<{ me: { email: string; displayName: string } }>(ME);
    expect(me.me).toMatchObject({ email: 'ada@example.test', displayName: 'Ada' });
  });

  it('answers me with null when nobody is signed in', async () => {
    expect(await new TestClient(api.baseUrl).ok(ME)).toEqual({ me: null });
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const client = new TestClient(api.baseUrl);
    const variables = {
      i: { email: 'ADA@example.test', password: 'another password', displayName: 'Imposter' },
    };
    expect(await client.errorCode(SIGN_UP, variables)).toBe('EMAIL_TAKEN');
  });

  it('signs in with the right password and refuses a wrong one or an unknown email alike', async () => {
    const client = new TestClient(api.baseUrl);
    const good = await client.ok<{ signIn: { email: string } }>(SIGN_IN, {
      i: { email: 'ada@example.test', password: 'analytical engine' },
    });
    expect(good.signIn.email).toBe('ada@example.test');

    const wrong = await new TestClient(api.baseUrl).gql(SIGN_IN, {
      i: { email: 'ada@example.test', password: 'nope nope nope' },
    });
    const unknown = await new TestClient(api.baseUrl).gql(SIGN_IN, {
      i: { email: 'who@example.test', password: 'nope nope nope' },
    });
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'Email or password is wrong.',
      extensions: { code: 'INVALID_CREDENTIALS' },
    });
    expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
  });

  it('validates sign-up input with one message per problem', async () => {
    const result = await new TestClient(api.baseUrl).gql(SIGN_UP, {
      i: { email: 'not-an-email', password: 'short', displayName: '' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe(
      'email must be a valid email address; displayName must be 1 to 80 characters (spaces around it do not count)',
    );
  });

  it('signs out: the old cookie is then refused as a stale session', async () => {
    const { client } = await signedInClient(api.baseUrl, 'leaver');
    const stale = client.rawCookie;
    expect(await client.ok<{ signOut: boolean }>('mutation { signOut }')).toEqual({
      signOut: true,
    });

    const replay = new TestClient(api.baseUrl);
    replay.setRawCookie(stale);
    expect(await replay.ok(ME)).toEqual({ me: null });
    expect(await replay.errorCode('mutation { signOut }')).toBe('SESSION_EXPIRED');
  });

  it('refuses mutations without a session', async () => {
    expect(await new TestClient(api.baseUrl).errorCode('mutation { signOut }')).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('writes every account mutation to the audit log', async () => {
    const rows = await api.app
      .get(DataSource)
      .query<{ type: string; count: string }[]>(
        'SELECT type, count(*) FROM event GROUP BY type ORDER BY type',
      );
    expect(rows.map((r) => r.type)).toEqual([
      'user.signed_in',
      'user.signed_out',
      'user.signed_up',
    ]);
  });
});
