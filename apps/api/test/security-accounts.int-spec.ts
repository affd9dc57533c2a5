import { FAST_VOTING, seedCatalogue } from './support/catalogue-fixture';
import { pushCatalogue } from './support/catalogue-http';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  testConfig,
  type RunningApi,
} from './support/test-app';

const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { id } }';
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { id } }';
const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`;
const VOTE = 'mutation($c: ID!, $v: Int!) { castVote(candidateId: $c, value: $v) { hasVoted } }';
const RETRACT = 'mutation($c: ID!) { retractVote(candidateId: $c) { hasVoted } }';
const CREATE_TOKEN = `mutation($p: String!, $n: String!, $s: [ApiTokenScope!]!) {
  createApiToken(project: $p, name: $n, scopes: $s) { secret } }`;

/** A GraphQL call from a given client address (the API trusts X-Forwarded-For from loopback only). */
async function fromIp(
  baseUrl: string,
  ip: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{
  status: number;
  retryAfter: string | null;
  code: string | undefined;
  extensions: Record<string, unknown> | undefined;
}> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, origin: baseUrl },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    errors?: { extensions?: Record<string, unknown> }[];
  };
  const extensions = body.errors?.[0]?.extensions;
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: typeof extensions?.['code'] === 'string' ? extensions['code'] : undefined,
    extensions,
  };
}

/** Issue 14, Medium 5 (throttling, weak passwords) and the display-name Low. */
describe('throttles, password policy and display names', () => {
  let api: RunningApi;

  beforeAll(async () => {
    const base = testConfig();
    // Its own key prefix: counters of other test files (same run, same Redis) never leak in.
    api = await startApi(
      testConfig({
        QUEUE_PREFIX: `${base.queuePrefix.replace(/[{}]/g, '')}_rl`,
        RATE_LIMIT_SIGN_IN_CONSECUTIVE_FAILS: '3',
        RATE_LIMIT_SIGN_IN_FAILS_PER_IP: '6',
        RATE_LIMIT_SIGN_IN_FAILS_PER_ACCOUNT: '1000',
        // Five set-up users sign up from 127.0.0.1; other cases use their own addresses.
        RATE_LIMIT_SIGN_UPS_PER_IP: '5',
        RATE_LIMIT_TOKEN_FAILS_PER_IP: '3',
        RATE_LIMIT_VOTE_FLIPS: '4',
      }),
    );
    await resetDatabase(api.app);
  });

  afterAll(async () => {
    await api.close();
    await flushQueueKeys(api.config);
  });

  it('locks out consecutive failures per account and IP with 429-style RATE_LIMITED and Retry-After', async () => {
    const { email } = await signedInClient(api.baseUrl, 'target');
    const wrong = { i: { email, password: 'not the password at all' } };
    for (let i = 0; i < 3; i += 1) {
      expect((await fromIp(api.baseUrl, '10.0.0.1', SIGN_IN, wrong)).code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const locked = await fromIp(api.baseUrl, '10.0.0.1', SIGN_IN, {
      i: { email, password: 'correct horse battery' },
    });
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.extensions?.['retryAfter']).toEqual(expect.any(Number));
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    // Another address is not locked out, and its success does not unlock the first.
    const elsewhere = await fromIp(api.baseUrl, '10.0.0.2', SIGN_IN, {
      i: { email, password: 'correct horse battery' },
    });
    expect(elsewhere.code).toBeUndefined();
  });

  it('limits failed sign-ins per IP across accounts', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 7; i += 1) {
      const attempt = await fromIp(api.baseUrl, '10.0.1.1', SIGN_IN, {
        i: { email: `nobody-${i}@example.test`, password: 'a wrong password' },
      });
      codes.push(attempt.code);
    }
    expect(codes.slice(0, 6)).toEqual(Array(6).fill('INVALID_CREDENTIALS'));
    expect(codes[6]).toBe('RATE_LIMITED');
  });

  it('limits sign-ups per IP', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i += 1) {
      const attempt = await fromIp(api.baseUrl, '10.0.2.1', SIGN_UP, {
        i: { email: `new-${i}@example.test`, password: 'correct horse battery', displayName: 'N' },
      });
      codes.push(attempt.code);
    }
    expect(codes).toEqual([...Array<undefined>(5).fill(undefined), 'RATE_LIMITED']);
  });

  it('refuses an IP that keeps sending unknown API tokens, with HTTP 429 and Retry-After', async () => {
    const owner = (await signedInClient(api.baseUrl, 'token-owner')).client;
    const seeded = await seedCatalogue(api.app, owner, { locales: ['pl'], source: { a: 'A' } });
    const token = (
      await owner.ok<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
        p: seeded.slug,
        n: 'CI',
        s: ['pull'],
      })
    ).createApiToken.secret;
    const pull = (secret: string) =>
      fetch(`${api.baseUrl}/bundles/${seeded.slug}/manifest.json`, {
        headers: { authorization: `Bearer ${secret}`, 'x-forwarded-for': '10.0.3.1' },
      });
    for (let i = 0; i < 3; i += 1) expect((await pull(`chorus_guess${i}`)).status).toBe(401);
    const refused = await pull(token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    const push = await pushCatalogue(
      api.baseUrl,
      `/api/projects/${seeded.slug}/catalogues/translation`,
      '{}',
      {
        token: 'chorus_guess',
      },
    );
    expect(push.status).toBe(401); // from 127.0.0.1: a different address, not refused
  });

  it('stops retract/re-vote flip loops on one candidate', async () => {
    const owner = (await signedInClient(api.baseUrl, 'vote-owner')).client;
    const seeded = await seedCatalogue(api.app, owner, {
      locales: ['pl'],
      source: { flip: 'Flip' },
      voting: { ...FAST_VOTING, duration: 3_600_000 },
    });
    const author = (await signedInClient(api.baseUrl, 'author')).client;
    const submitted = await author.ok<{ submitTranslation: { candidate: { id: string } } }>(
      SUBMIT,
      {
        i: {
          stringId: seeded.strings['s:flip'],
          locale: 'pl',
          forms: [{ category: '', text: 'Klap' }],
        },
      },
    );
    const candidate = submitted.submitTranslation.candidate.id;
    const voter = (await signedInClient(api.baseUrl, 'flipper')).client;
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 3; i += 1) {
      codes.push(await voter.errorCode(VOTE, { c: candidate, v: 1 }));
      codes.push(await voter.errorCode(RETRACT, { c: candidate }));
    }
    expect(codes).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });

  it.each([
    ['password12', 'TOO_SHORT'],
    [' '.repeat(12), 'TOO_GUESSABLE'],
    ['Password123!', 'COMMON_PASSWORD'],
    ['weak-user@example.test', 'CONTAINS_EMAIL'],
    ['x'.repeat(129), 'TOO_LONG'],
  ])('refuses the weak password %j with WEAK_PASSWORD (%s)', async (password, reason) => {
    const result = await fromIp(api.baseUrl, `10.1.0.${reason.length}`, SIGN_UP, {
      i: { email: 'weak-user@example.test', password, displayName: 'Weak' },
    });
    expect(result.extensions).toMatchObject({
      code: 'WEAK_PASSWORD',
      details: { reason },
    });
  });

  it.each([
    ['blank after trimming', '   '],
    ['a right-to-left override', 'evil\u202Egnp.exe'],
    ['an isolate', 'a\u2067b'],
    ['a control character', 'bell\u0007'],
    ['too long', 'n'.repeat(81)],
  ])('refuses a display name that is %s', async (what, displayName) => {
    const result = await fromIp(api.baseUrl, `10.2.0.${what.length}`, SIGN_UP, {
      i: { email: 'name-check@example.test', password: 'correct horse battery', displayName },
    });
    expect(result.code).toBe('BAD_USER_INPUT');
  });
});
