import { DataSource } from 'typeorm';
import { TestClient, signedInClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const CREATE_PROJECT = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { slug } }';
const CREATE_TOKEN = `mutation($p: String!, $n: String!, $s: [ApiTokenScope!]!) {
  createApiToken(project: $p, name: $n, scopes: $s) { secret token { id name scopes createdAt lastUsedAt revokedAt } } }`;
const TOKENS = 'query($p: String!) { apiTokens(project: $p) { id name scopes revokedAt } }';
const REVOKE =
  'mutation($p: String!, $id: ID!) { revokeApiToken(project: $p, id: $id) { id revokedAt } }';
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!, $l: String) {
  addMember(project: $p, email: $e, role: $r, locale: $l) { id role locale user { displayName } } }`;
const REMOVE_MEMBER = 'mutation($p: String!, $id: ID!) { removeMember(project: $p, id: $id) }';
const MEMBERS = 'query($p: String!) { members(project: $p) { id role locale user { id } } }';
const ADD_LOCALE =
  'mutation($p: String!, $c: String!) { addLocale(project: $p, code: $c) { code pluralCategories } }';
const LOCALES = 'query($p: String!) { locales(project: $p) { code } }';
const UPDATE = `mutation($s: String!, $n: String, $v: String, $vp: VotingParametersInput) {
  updateProject(slug: $s, name: $n, visibility: $v, votingParameters: $vp) {
    name visibility votingParameters { quorum minScore earlyScore z } } }`;

describe('API tokens, members, locales and project settings', () => {
  let api: RunningApi;
  let owner: TestClient;
  let ownerEmail: string;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    const signed = await signedInClient(api.baseUrl, 'owner');
    owner = signed.client;
    ownerEmail = signed.email;
    await owner.ok(CREATE_PROJECT, { i: { slug: 'acme', name: 'Acme', sourceLocale: 'en' } });
  });

  afterAll(() => api.close());

  it('creates a token whose secret is shown once and never listed, and revokes it', async () => {
    const created = await owner.ok<{
      createApiToken: { secret: string; token: { id: string; scopes: string[]; lastUsedAt: null } };
    }>(CREATE_TOKEN, { p: 'acme', n: 'CI', s: ['push', 'pull'] });
    expect(created.createApiToken.secret).toMatch(/^chorus_[A-Za-z0-9_-]{43}$/);
    expect(created.createApiToken.token).toMatchObject({
      scopes: ['pull', 'push'],
      lastUsedAt: null,
    });

    const listed = await owner.gql<{ apiTokens: Record<string, unknown>[] }>(TOKENS, { p: 'acme' });
    expect(listed.data?.apiTokens).toEqual([
      {
        id: created.createApiToken.token.id,
        name: 'CI',
        scopes: ['pull', 'push'],
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.createApiToken.secret.slice(7));
    const stored: { token_hash: string }[] = await api.app
      .get(DataSource)
      .query('SELECT token_hash FROM api_token');
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const revoked = await owner.ok<{ revokeApiToken: { revokedAt: string | null } }>(REVOKE, {
      p: 'acme',
      id: created.createApiToken.token.id,
    });
    expect(revoked.revokeApiToken.revokedAt).not.toBeNull();
    expect(await owner.errorCode(REVOKE, { p: 'acme', id: created.createApiToken.token.id })).toBe(
      'TOKEN_NOT_FOUND',
    );
  });

  it('validates token arguments and hides private projects from outsiders', async () => {
    expect(await owner.errorCode(CREATE_TOKEN, { p: 'acme', n: 'x', s: [] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await owner.errorCode(CREATE_TOKEN, { p: 'acme', n: 'x', s: ['admin'] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await owner.errorCode(TOKENS, { p: 'Not A Slug' })).toBe('BAD_USER_INPUT');
    expect(await owner.errorCode(TOKENS, { p: 'nope' })).toBe('PROJECT_NOT_FOUND');
    const { client: stranger } = await signedInClient(api.baseUrl, 'stranger');
    expect(await stranger.errorCode(TOKENS, { p: 'acme' })).toBe('FORBIDDEN');
    expect(await new TestClient(api.baseUrl).errorCode(TOKENS, { p: 'acme' })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('adds locales in canonical form and refuses unknown, duplicate and source locales', async () => {
    const added = await owner.ok<{ addLocale: { code: string; pluralCategories: string[] } }>(
      ADD_LOCALE,
      { p: 'acme', c: 'pt-br' },
    );
    expect(added.addLocale).toEqual({ code: 'pt-BR', pluralCategories: ['one', 'many', 'other'] });
    await owner.ok(ADD_LOCALE, { p: 'acme', c: 'de' });
    expect(await owner.errorCode(ADD_LOCALE, { p: 'acme', c: 'de' })).toBe('LOCALE_EXISTS');
    expect(await owner.errorCode(ADD_LOCALE, { p: 'acme', c: 'en' })).toBe('SOURCE_LOCALE');
    expect(await owner.errorCode(ADD_LOCALE, { p: 'acme', c: 'xx-!!' })).toBe('UNKNOWN_LOCALE');
    expect(await owner.errorCode(ADD_LOCALE, { p: 'acme', c: 'qaa' })).toBe('UNKNOWN_LOCALE');
    const listed = await new TestClient(api.baseUrl).ok<{ locales: { code: string }[] }>(LOCALES, {
      p: 'acme',
    });
    expect(listed.locales.map((l) => l.code)).toEqual(['de', 'pt-BR']);
  });

  it('manages members: language managers need a project locale, the last owner stays', async () => {
    const translator = await signedInClient(api.baseUrl, 'tina');
    const manager = await signedInClient(api.baseUrl, 'lm');
    const added = await owner.ok<{ addMember: { id: string; role: string; locale: null } }>(
      ADD_MEMBER,
      { p: 'acme', e: translator.email, r: 'translator' },
    );
    expect(added.addMember).toMatchObject({ role: 'translator', locale: null });
    expect(
      await owner.errorCode(ADD_MEMBER, { p: 'acme', e: translator.email, r: 'translator' }),
    ).toBe('ALREADY_MEMBER');
    expect(
      await owner.errorCode(ADD_MEMBER, { p: 'acme', e: manager.email, r: 'language_manager' }),
    ).toBe('INVALID_MEMBERSHIP');
    expect(
      await owner.errorCode(ADD_MEMBER, {
        p: 'acme',
        e: manager.email,
        r: 'language_manager',
        l: 'fr',
      }),
    ).toBe('INVALID_MEMBERSHIP');
    expect(
      await owner.errorCode(ADD_MEMBER, { p: 'acme', e: manager.email, r: 'developer', l: 'de' }),
    ).toBe('INVALID_MEMBERSHIP');
    expect(
      await owner.errorCode(ADD_MEMBER, { p: 'acme', e: 'ghost@example.test', r: 'developer' }),
    ).toBe('USER_NOT_FOUND');
    const lm = await owner.ok<{ addMember: { locale: string } }>(ADD_MEMBER, {
      p: 'acme',
      e: manager.email,
      r: 'language_manager',
      l: 'DE',
    });
    expect(lm.addMember.locale).toBe('de');

    // Members see the list; a translator may not change it.
    const members = await translator.client.ok<{
      members: { id: string; role: string; user: { id: string } }[];
    }>(MEMBERS, { p: 'acme' });
    expect(members.members.map((m) => m.role).sort()).toEqual([
      'language_manager',
      'owner',
      'translator',
    ]);
    expect(
      await translator.client.errorCode(ADD_MEMBER, { p: 'acme', e: ownerEmail, r: 'developer' }),
    ).toBe('FORBIDDEN');

    const ownerRow = members.members.find((m) => m.role === 'owner');
    expect(await owner.errorCode(REMOVE_MEMBER, { p: 'acme', id: ownerRow?.id })).toBe(
      'LAST_OWNER',
    );
    expect(await owner.ok(REMOVE_MEMBER, { p: 'acme', id: added.addMember.id })).toEqual({
      removeMember: true,
    });
    expect(await owner.errorCode(REMOVE_MEMBER, { p: 'acme', id: added.addMember.id })).toBe(
      'MEMBER_NOT_FOUND',
    );
    const events: { type: string }[] = await api.app
      .get(DataSource)
      .query("SELECT type FROM event WHERE type LIKE 'member.%' ORDER BY id");
    expect(events.map((e) => e.type)).toEqual(['member.added', 'member.added', 'member.removed']);
  });

  it('updates a project, validating voting parameters with field-level errors', async () => {
    const updated = await owner.ok<{ updateProject: Record<string, unknown> }>(UPDATE, {
      s: 'acme',
      n: 'Acme Inc',
      vp: { quorum: 5, minScore: 0.5 },
    });
    // The effective set is the tuned preset (what rounds really use) under the overrides.
    expect(updated.updateProject).toEqual({
      name: 'Acme Inc',
      visibility: 'public',
      votingParameters: { quorum: 5, minScore: 0.5, earlyScore: 0.64, z: 1.282 },
    });
    // A minScore above the preset's earlyScore (0.64) is refused here instead of failing every
    // vote of the project later.
    const clash = await owner.gql(UPDATE, { s: 'acme', vp: { minScore: 0.75 } });
    expect(clash.errors?.[0]?.extensions).toEqual({
      code: 'INVALID_VOTING_PARAMETERS',
      details: {
        issues: [
          { field: 'votingParameters.earlyScore', message: 'earlyScore must be at least minScore' },
        ],
      },
    });
    const bad = await owner.gql(UPDATE, { s: 'acme', vp: { minScore: 0.9, quorum: 1.5 } });
    expect(bad.errors?.[0]?.extensions).toEqual({
      code: 'INVALID_VOTING_PARAMETERS',
      details: {
        issues: [
          { field: 'votingParameters.quorum', message: 'quorum must be a non-negative integer' },
          {
            field: 'votingParameters.earlyScore',
            message: 'earlyScore must be at least minScore',
          },
        ],
      },
    });
    expect(await owner.errorCode(UPDATE, { s: 'acme', v: 'secret' })).toBe('BAD_USER_INPUT');
    const privateNow = await owner.ok<{ updateProject: { visibility: string } }>(UPDATE, {
      s: 'acme',
      v: 'private',
    });
    expect(privateNow.updateProject.visibility).toBe('private');
    expect(await new TestClient(api.baseUrl).errorCode(LOCALES, { p: 'acme' })).toBe(
      'PROJECT_NOT_FOUND',
    );
    const { client: stranger } = await signedInClient(api.baseUrl, 'outsider');
    expect(await stranger.errorCode(UPDATE, { s: 'acme', n: 'Mine' })).toBe('PROJECT_NOT_FOUND');
  });

  it('refuses sign-in and ends the sessions of a banned account', async () => {
    const banned = await signedInClient(api.baseUrl, 'troll');
    await api.app
      .get(DataSource)
      .query('UPDATE "user" SET banned_at = now() WHERE id = $1', [banned.id]);
    expect(
      await new TestClient(api.baseUrl).errorCode(
        'mutation($i: SignInInput!) { signIn(input: $i) { id } }',
        { i: { email: banned.email, password: 'correct horse battery' } },
      ),
    ).toBe('ACCOUNT_BANNED');
    expect(await banned.client.ok('{ me { id } }')).toEqual({ me: null });
  });
});
