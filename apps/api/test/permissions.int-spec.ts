/**
 * The permission matrix: every mutation × every role × own/other project, checked against the one
 * permission table (identity/permissions.ts). To cover a new mutation, append one entry to
 * MUTATIONS: the action it requires and a function that performs it for a client and project.
 */
import { DataSource } from 'typeorm';
import { isAllowed, type MembershipGrant, type ProjectAction } from '../src/identity/permissions';
import { gqlUpload } from './support/catalogue-http';
import { TestClient, signedInClient, type GraphqlResponse } from './support/graphql-client';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

interface MatrixContext {
  readonly api: RunningApi;
  /** The owner of `project`, for setting up what the call needs (a token to revoke, …). */
  readonly owner: TestClient;
  readonly project: string;
  /** A fresh signed-up user's email (for addMember). */
  freshEmail(): Promise<string>;
  /** A locale code never used before in this run (for addLocale). */
  freshLocale(): string;
}

interface MutationCase {
  readonly name: string;
  /**
   * 'signedIn': any signed-in user; 'instanceAdmin': only ADMIN_EMAILS, so no project role grants
   * it; otherwise the project action (and locale) it needs.
   */
  readonly requires: ProjectAction | 'signedIn' | 'instanceAdmin';
  readonly locale?: string;
  /** Performs the mutation; returns the GraphQL response. */
  run(client: TestClient, context: MatrixContext): Promise<GraphqlResponse<unknown>>;
}

/**
 * Mutations no project role decides, each tested where its rule lives: signing up, in and out are
 * public (identity*.int-spec.ts); withdrawTranslation is the candidate's author's alone
 * (voting.int-spec.ts); benchFloor exists only when BENCH_FLOOR is set.
 */
const NOT_ROLE_BASED = new Set([
  'signUp',
  'signIn',
  'signOut',
  'withdrawTranslation',
  'benchFloor',
]);

let slugCounter = 0;
let webhookCounter = 0;
/** A webhook URL not used before in this run (a project refuses the same URL twice). */
const freshHookUrl = (): string => `http://127.0.0.1:9/matrix/${(webhookCounter += 1)}`;
const LOCALES = [
  'it',
  'nl',
  'pl',
  'ru',
  'sv',
  'ja',
  'ko',
  'cs',
  'da',
  'fi',
  'hu',
  'ro',
  'sk',
  'tr',
  'uk',
  'vi',
  'el',
  'he',
  'id',
  'lt',
  'lv',
  'et',
  'sl',
  'sq',
  'bg',
  'ca',
  'gl',
  'eu',
  'hr',
  'is',
  'af',
  'sw',
  'th',
  'hi',
  'bn',
  'ta',
  'te',
  'mr',
  'ur',
  'fa',
  'ms',
  'cy',
  'ga',
  'mt',
  'ka',
  'hy',
  'az',
  'kk',
  'uz',
  'mn',
  'ne',
  'si',
  'km',
  'lo',
  'my',
  'am',
  'zu',
  'xh',
  'yo',
  'ig',
  'ha',
  'so',
  'ps',
  'ky',
  'tg',
  'tk',
  'be',
  'mk',
  'bs',
  'sr',
  'lb',
  'fo',
  'gd',
  'br',
  'fy',
  'eo',
  'nn',
  'nb',
  'ast',
  'pa',
  'gu',
  'kn',
  'ml',
  'or',
  'as',
];

const SOURCE_FILE = JSON.stringify({ hello: 'Hello', bye: 'Bye' });

const SUBMIT =
  'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }';
let textCounter = 0;
const uniqueText = (): string => `Hallo ${(textCounter += 1)}`;

async function stringIdOf(api: RunningApi, project: string, key: string): Promise<string> {
  const [row] = await api.app
    .get(DataSource)
    .query<{ id: string }[]>(
      'SELECT s.id FROM source_string s JOIN project p ON p.id = s.project_id WHERE p.slug = $1 AND s.key = $2',
      [project, key],
    );
  if (row === undefined) throw new Error(`no string ${key} in ${project}`);
  return row.id;
}

/**
 * joinProject and acceptInvite grant translator rows for a locale; the matrix removes them again so
 * every later case meets each role exactly as GRANTS describes it.
 */
async function dropJoinedLocales(api: RunningApi): Promise<void> {
  await api.app
    .get(DataSource)
    .query("DELETE FROM membership WHERE role = 'translator' AND locale <> ''");
}

/** A candidate on `hello` (de) by a fresh volunteer, so no role votes on or judges its own text. */
async function freshCandidate(context: MatrixContext): Promise<string> {
  const author = await signedInClient(context.api.baseUrl, 'author');
  const data = await author.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
    SUBMIT,
    {
      i: {
        stringId: await stringIdOf(context.api, context.project, 'hello'),
        locale: 'de',
        forms: [{ category: '', text: uniqueText() }],
      },
    },
  );
  return data.submitTranslation.candidate.id;
}

let glossaryCounter = 0;

/** A term of the project's glossary, created by its owner (so the call under test has one). */
async function freshGlossaryTerm({ owner, project }: MatrixContext): Promise<string> {
  const created = await owner.gql<{ createGlossaryTerm: { id: string } }>(
    'mutation($p: String!, $t: String!) { createGlossaryTerm(project: $p, term: $t) { id } }',
    { p: project, t: `owned term ${(glossaryCounter += 1)}` },
  );
  return created.data?.createGlossaryTerm.id ?? '';
}

const DISCUSS_START =
  'mutation($i: StartThreadInput!) { startThread(input: $i) { threadId commentId } }';

/** A thread the project's owner opened on `hello` (locale null: a source question). */
async function ownerThread(
  context: MatrixContext,
  locale: string | null,
): Promise<{ threadId: string; commentId: string }> {
  const data = await context.owner.ok<{ startThread: { threadId: string; commentId: string } }>(
    DISCUSS_START,
    {
      i: {
        stringId: await stringIdOf(context.api, context.project, 'hello'),
        locale,
        body: 'Owner here: what should this say?',
      },
    },
  );
  return data.startThread;
}

/** A volunteer who has translated in the project (a reportable user): their id. */
async function freshAuthorId(context: MatrixContext): Promise<string> {
  const author = await signedInClient(context.api.baseUrl, 'author');
  await author.client.ok(SUBMIT, {
    i: {
      stringId: await stringIdOf(context.api, context.project, 'hello'),
      locale: 'de',
      forms: [{ category: '', text: uniqueText() }],
    },
  });
  return author.id;
}

/** A fresh report on a fresh de candidate, filed by a fresh volunteer; `client` then acts on it. */
async function moderateFresh(
  client: TestClient,
  context: MatrixContext,
  action: 'DISMISS' | 'HIDE',
): Promise<GraphqlResponse<unknown>> {
  const reporter = (await signedInClient(context.api.baseUrl, 'reporter')).client;
  const filed = await reporter.ok<{ reportCandidate: { id: string } }>(
    'mutation($c: ID!) { reportCandidate(input: { candidateId: $c, reason: OFFENSIVE }) { id } }',
    { c: await freshCandidate(context) },
  );
  return client.gql(
    'mutation($r: ID!, $a: ModerationAction!) { moderateReport(input: { reportId: $r, action: $a, reason: "matrix" }) { id } }',
    { r: filed.reportCandidate.id, a: action },
  );
}

export const MUTATIONS: MutationCase[] = [
  {
    name: 'banUser',
    requires: 'instanceAdmin',
    run: async (client, context) =>
      client.gql('mutation($e: String!) { banUser(email: $e, reason: "matrix") { id } }', {
        e: await context.freshEmail(),
      }),
  },
  {
    name: 'unbanUser',
    requires: 'instanceAdmin',
    run: async (client, context) =>
      client.gql('mutation($e: String!) { unbanUser(email: $e) { id } }', {
        e: await context.freshEmail(),
      }),
  },
  {
    name: 'createProject',
    requires: 'signedIn',
    run: (client) => {
      slugCounter += 1;
      return client.gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { slug } }', {
        i: { slug: `made-${slugCounter}`, name: 'Made', sourceLocale: 'en' },
      });
    },
  },
  {
    name: 'updateProject',
    requires: 'project.update',
    run: (client, { project }) =>
      client.gql('mutation($s: String!) { updateProject(slug: $s, name: "Renamed") { name } }', {
        s: project,
      }),
  },
  {
    name: 'addMember',
    requires: 'member.manage',
    run: async (client, context) =>
      client.gql(
        'mutation($p: String!, $e: String!) { addMember(project: $p, email: $e, role: translator) { id } }',
        { p: context.project, e: await context.freshEmail() },
      ),
  },
  {
    name: 'removeMember',
    requires: 'member.manage',
    run: async (client, context) => {
      const added = await context.owner.ok<{ addMember: { id: string } }>(
        'mutation($p: String!, $e: String!) { addMember(project: $p, email: $e, role: translator) { id } }',
        { p: context.project, e: await context.freshEmail() },
      );
      return client.gql('mutation($p: String!, $id: ID!) { removeMember(project: $p, id: $id) }', {
        p: context.project,
        id: added.addMember.id,
      });
    },
  },
  {
    name: 'createApiToken',
    requires: 'token.manage',
    run: (client, { project }) =>
      client.gql(
        'mutation($p: String!) { createApiToken(project: $p, name: "ci", scopes: [push]) { secret } }',
        { p: project },
      ),
  },
  {
    name: 'revokeApiToken',
    requires: 'token.manage',
    run: async (client, context) => {
      const created = await context.owner.ok<{ createApiToken: { token: { id: string } } }>(
        'mutation($p: String!) { createApiToken(project: $p, name: "ci", scopes: [pull]) { token { id } } }',
        { p: context.project },
      );
      return client.gql(
        'mutation($p: String!, $id: ID!) { revokeApiToken(project: $p, id: $id) { id } }',
        { p: context.project, id: created.createApiToken.token.id },
      );
    },
  },
  {
    name: 'addLocale',
    requires: 'locale.add',
    run: (client, context) =>
      client.gql(
        'mutation($p: String!, $c: String!) { addLocale(project: $p, code: $c) { code } }',
        {
          p: context.project,
          c: context.freshLocale(),
        },
      ),
  },
  {
    name: 'importCatalogue (source)',
    requires: 'catalogue.import',
    run: async (client, { api, project }) =>
      toResponse(
        await gqlUpload(
          api.baseUrl,
          'mutation($p: String!, $file: Upload!) { importCatalogue(project: $p, namespace: "common", file: $file) { jobId } }',
          { p: project },
          { name: 'en.json', text: SOURCE_FILE },
          { cookie: client.rawCookie },
        ),
      ),
  },
  {
    name: 'importCatalogue (de translations)',
    requires: 'translations.import',
    locale: 'de',
    run: async (client, { api, project }) =>
      toResponse(
        await gqlUpload(
          api.baseUrl,
          'mutation($p: String!, $file: Upload!) { importCatalogue(project: $p, namespace: "common", locale: "de", file: $file) { jobId } }',
          { p: project },
          { name: 'de.json', text: JSON.stringify({ hello: 'Hallo' }) },
          { cookie: client.rawCookie },
        ),
      ),
  },
  {
    name: 'submitTranslation',
    requires: 'translation.submit',
    run: async (client, { api, project }) =>
      client.gql(SUBMIT, {
        i: {
          stringId: await stringIdOf(api, project, 'hello'),
          locale: 'de',
          forms: [{ category: '', text: uniqueText() }],
        },
      }),
  },
  {
    name: 'castVote',
    requires: 'vote.cast',
    run: async (client, context) =>
      client.gql('mutation($c: ID!) { castVote(candidateId: $c, value: 1) { hasVoted } }', {
        c: await freshCandidate(context),
      }),
  },
  {
    name: 'retractVote',
    requires: 'vote.cast',
    run: async (client, context) => {
      // The caller's own vote first (refused like castVote when the role may not vote).
      const candidate = await freshCandidate(context);
      await client.gql('mutation($c: ID!) { castVote(candidateId: $c, value: 1) { hasVoted } }', {
        c: candidate,
      });
      return client.gql('mutation($c: ID!) { retractVote(candidateId: $c) { hasVoted } }', {
        c: candidate,
      });
    },
  },
  {
    name: 'addWebhook',
    requires: 'webhook.manage',
    run: async (client, { project }) =>
      client.gql(
        'mutation($p: String!, $u: String!) { addWebhook(project: $p, url: $u) { secret } }',
        { p: project, u: freshHookUrl() },
      ),
  },
  {
    name: 'removeWebhook',
    requires: 'webhook.manage',
    run: async (client, { owner, project }) => {
      const added = await owner.ok<{ addWebhook: { webhook: { id: string } } }>(
        'mutation($p: String!, $u: String!) { addWebhook(project: $p, url: $u) { webhook { id } } }',
        { p: project, u: freshHookUrl() },
      );
      return client.gql('mutation($p: String!, $id: ID!) { removeWebhook(project: $p, id: $id) }', {
        p: project,
        id: added.addWebhook.webhook.id,
      });
    },
  },
  {
    name: 'approveCandidate',
    requires: 'candidate.approve',
    locale: 'de',
    run: async (client, context) =>
      client.gql('mutation($c: ID!) { approveCandidate(id: $c, reason: "ok") { state } }', {
        c: await freshCandidate(context),
      }),
  },
  {
    name: 'rejectCandidate',
    requires: 'candidate.reject',
    locale: 'de',
    run: async (client, context) =>
      client.gql('mutation($c: ID!) { rejectCandidate(id: $c, reason: "no") { status } }', {
        c: await freshCandidate(context),
      }),
  },
  {
    name: 'dismissAbuseFlag',
    requires: 'abuse.dismiss',
    locale: 'de',
    run: async (client, { api, project }) => {
      // A flag of its own per call, so an allowed dismissal always finds one.
      const db = api.app.get(DataSource);
      const [flag] = await db.query<{ id: string }[]>(
        `INSERT INTO abuse_flag (project_id, kind, user_ids, fingerprint, evidence, detected_at)
         SELECT id, 'NEW_ACCOUNT_BURST', ARRAY[]::uuid[], gen_random_uuid()::text, '{}'::jsonb, now()
           FROM project WHERE slug = $1 RETURNING id`,
        [project],
      );
      return client.gql(
        'mutation($p: String!, $id: ID!) { dismissAbuseFlag(project: $p, locale: "de", id: $id, reason: "honest") }',
        { p: project, id: flag?.id },
      );
    },
  },
  {
    name: 'lockString',
    requires: 'string.lock',
    locale: 'de',
    run: async (client, { api, project }) =>
      client.gql(
        'mutation($s: ID!) { lockString(stringId: $s, locale: "de", locked: false) { locked } }',
        {
          s: await stringIdOf(api, project, 'bye'),
        },
      ),
  },
  {
    name: 'createGlossaryTerm',
    requires: 'glossary.manage',
    run: async (client, { project }) =>
      client.gql(
        'mutation($p: String!, $t: String!) { createGlossaryTerm(project: $p, term: $t) { id } }',
        {
          p: project,
          t: `term ${(glossaryCounter += 1)}`,
        },
      ),
  },
  {
    name: 'importGlossary',
    requires: 'glossary.manage',
    run: async (client, { api, project }) =>
      toResponse(
        await gqlUpload(
          api.baseUrl,
          'mutation($p: String!, $file: Upload!) { importGlossary(project: $p, format: CSV, file: $file) { created } }',
          { p: project },
          { name: 'glossary.csv', text: `term\nimported ${(glossaryCounter += 1)}\n` },
          { cookie: client.rawCookie },
        ),
      ),
  },
  {
    name: 'updateGlossaryTerm',
    requires: 'glossary.manage',
    run: async (client, context) =>
      client.gql(
        'mutation($p: String!, $id: ID!) { updateGlossaryTerm(project: $p, id: $id, description: "d") { id } }',
        { p: context.project, id: await freshGlossaryTerm(context) },
      ),
  },
  {
    name: 'deleteGlossaryTerm',
    requires: 'glossary.manage',
    run: async (client, context) =>
      client.gql('mutation($p: String!, $id: ID!) { deleteGlossaryTerm(project: $p, id: $id) }', {
        p: context.project,
        id: await freshGlossaryTerm(context),
      }),
  },
  {
    name: 'reportCandidate',
    requires: 'report.create',
    run: async (client, context) =>
      client.gql(
        'mutation($c: ID!) { reportCandidate(input: { candidateId: $c, reason: WRONG }) { id } }',
        { c: await freshCandidate(context) },
      ),
  },
  {
    name: 'reportUser',
    requires: 'report.create',
    run: async (client, context) =>
      client.gql(
        'mutation($p: String!, $u: ID!) { reportUser(input: { project: $p, userId: $u, reason: SPAM }) { id } }',
        { p: context.project, u: await freshAuthorId(context) },
      ),
  },
  {
    name: 'moderateReport (DISMISS)',
    requires: 'report.handle',
    locale: 'de',
    run: async (client, context) => moderateFresh(client, context, 'DISMISS'),
  },
  {
    name: 'moderateReport (HIDE)',
    requires: 'report.handle',
    locale: 'de',
    run: async (client, context) => moderateFresh(client, context, 'HIDE'),
  },
  {
    name: 'liftProjectBan',
    requires: 'report.handle',
    run: async (client, context) => {
      const banned = await freshAuthorId(context);
      const reporter = (await signedInClient(context.api.baseUrl, 'reporter')).client;
      const filed = await reporter.ok<{ reportUser: { id: string } }>(
        'mutation($p: String!, $u: ID!) { reportUser(input: { project: $p, userId: $u, locale: "de", reason: SPAM }) { id } }',
        { p: context.project, u: banned },
      );
      await context.owner.ok(
        'mutation($r: ID!) { moderateReport(input: { reportId: $r, action: BAN, reason: "matrix", banDays: 1 }) { id } }',
        { r: filed.reportUser.id },
      );
      return client.gql(
        'mutation($p: String!, $u: ID!) { liftProjectBan(project: $p, userId: $u) }',
        {
          p: context.project,
          u: banned,
        },
      );
    },
  },
  {
    name: 'startThread',
    requires: 'discussion.post',
    run: async (client, { api, project }) =>
      client.gql(DISCUSS_START, {
        i: { stringId: await stringIdOf(api, project, 'hello'), body: 'What is this?' },
      }),
  },
  {
    name: 'postComment',
    requires: 'discussion.post',
    run: async (client, context) =>
      client.gql('mutation($t: ID!) { postComment(threadId: $t, body: "Me too") { commentId } }', {
        t: (await ownerThread(context, 'de')).threadId,
      }),
  },
  {
    name: 'markOfficialAnswer (de thread)',
    requires: 'discussion.answer',
    locale: 'de',
    run: async (client, context) =>
      client.gql('mutation($c: ID!) { markOfficialAnswer(commentId: $c) }', {
        c: (await ownerThread(context, 'de')).commentId,
      }),
  },
  {
    name: 'markSourceIssue',
    requires: 'issue.mark',
    run: async (client, context) =>
      client.gql('mutation($t: ID!) { markSourceIssue(threadId: $t) }', {
        t: (await ownerThread(context, null)).threadId,
      }),
  },
  {
    name: 'markNotificationsRead',
    requires: 'signedIn',
    run: async (client) => client.gql('mutation { markNotificationsRead(all: true) }'),
  },
  {
    name: 'setInContextScreenshots',
    requires: 'project.update',
    run: (client, { project }) =>
      client.gql(
        'mutation($p: String!) { setInContextScreenshots(project: $p, enabled: true) { inContextScreenshots } }',
        { p: project },
      ),
  },
  {
    name: 'setProjectOpen',
    requires: 'project.update',
    run: (client, { project }) =>
      client.gql(
        'mutation($p: String!) { setProjectOpen(project: $p, open: true, helpWantedLocales: ["de"]) { open } }',
        { p: project },
      ),
  },
  {
    name: 'joinProject',
    requires: 'signedIn',
    run: async (client, context) => {
      await context.owner.ok(
        'mutation($p: String!) { setProjectOpen(project: $p, open: true) { open } }',
        { p: context.project },
      );
      const response = await client.gql(
        'mutation($p: String!) { joinProject(project: $p, locale: "fr") { id } }',
        { p: context.project },
      );
      await dropJoinedLocales(context.api);
      return response;
    },
  },
  {
    name: 'createInvite',
    requires: 'member.manage',
    run: (client, { project }) =>
      client.gql(
        'mutation($p: String!) { createInvite(project: $p, role: translator, maxUses: 1) { token } }',
        { p: project },
      ),
  },
  {
    name: 'revokeInvite',
    requires: 'member.manage',
    run: async (client, context) => {
      const created = await context.owner.ok<{ createInvite: { invite: { id: string } } }>(
        'mutation($p: String!) { createInvite(project: $p, role: translator) { invite { id } } }',
        { p: context.project },
      );
      return client.gql('mutation($id: ID!) { revokeInvite(id: $id) { id } }', {
        id: created.createInvite.invite.id,
      });
    },
  },
  {
    name: 'acceptInvite',
    requires: 'signedIn',
    run: async (client, context) => {
      const created = await context.owner.ok<{ createInvite: { token: string } }>(
        'mutation($p: String!) { createInvite(project: $p, role: translator, locale: "fr") { token } }',
        { p: context.project },
      );
      const response = await client.gql(
        'mutation($t: String!) { acceptInvite(token: $t) { id } }',
        {
          t: created.createInvite.token,
        },
      );
      await dropJoinedLocales(context.api);
      return response;
    },
  },
  {
    name: 'setLocaleGoal',
    requires: 'project.update',
    run: (client, { project }) =>
      client.gql(
        'mutation($p: String!, $d: String!) { setLocaleGoal(project: $p, locale: "de", targetPercent: 90, dueDate: $d) { locale } }',
        { p: project, d: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) },
      ),
  },
  {
    name: 'setMyLanguages',
    requires: 'signedIn',
    run: (client) => client.gql('mutation { setMyLanguages(languages: ["de"]) { languages } }'),
  },
  {
    name: 'signOut',
    requires: 'signedIn',
    // Signs out a session of its own, so the role's main session stays usable.
    run: async (client, { api }) => {
      if (client.rawCookie === null) return client.gql('mutation { signOut }');
      return (await signedInClient(api.baseUrl, 'leaver')).client.gql('mutation { signOut }');
    },
  },
];

function toResponse(result: {
  status: number;
  body: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };
}): GraphqlResponse<unknown> {
  return {
    status: result.status,
    data: result.body.data ?? null,
    ...(result.body.errors === undefined ? {} : { errors: result.body.errors as never }),
  };
}

type RoleName =
  | 'owner'
  | 'developer'
  | 'language_manager (de)'
  | 'language_manager (fr)'
  | 'translator'
  | 'non-member'
  | 'anonymous';

const GRANTS: Record<Exclude<RoleName, 'anonymous'>, MembershipGrant[]> = {
  owner: [{ role: 'owner', locale: '' }],
  developer: [{ role: 'developer', locale: '' }],
  'language_manager (de)': [{ role: 'language_manager', locale: 'de' }],
  'language_manager (fr)': [{ role: 'language_manager', locale: 'fr' }],
  translator: [{ role: 'translator', locale: '' }],
  'non-member': [],
};

function expected(c: MutationCase, role: RoleName, own: boolean): 'allowed' | string {
  if (role === 'anonymous') return 'UNAUTHENTICATED';
  if (c.requires === 'signedIn') return 'allowed';
  if (c.requires === 'instanceAdmin') return 'FORBIDDEN';
  const memberships = own ? GRANTS[role] : [];
  const ok = isAllowed(c.requires, {
    memberships,
    publicProject: true,
    ...(c.locale === undefined ? {} : { locale: c.locale }),
  });
  return ok ? 'allowed' : 'FORBIDDEN';
}

describe('permission matrix: every mutation × role × own/other project', () => {
  let api: RunningApi;
  const clients = new Map<RoleName, TestClient>();
  let owner: TestClient;
  let otherOwner: TestClient;
  let localeIndex = 0;

  beforeAll(async () => {
    // Webhooks to this host only (no DNS here); room for the ones the webhook cases add.
    api = await startApi(
      testConfig({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOKS_PER_PROJECT: '100' }),
    );
    await resetDatabase(api.app);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    otherOwner = (await signedInClient(api.baseUrl, 'other-owner')).client;
    for (const [client, slug] of [
      [owner, 'own'],
      [otherOwner, 'other'],
    ] as const) {
      await client.ok(
        'mutation($s: String!) { createProject(input: { slug: $s, name: "P", sourceLocale: "en" }) { slug } }',
        { s: slug },
      );
      for (const code of ['de', 'fr']) {
        await client.ok(
          'mutation($p: String!, $c: String!) { addLocale(project: $p, code: $c) { code } }',
          { p: slug, c: code },
        );
      }
      const upload = await gqlUpload(
        api.baseUrl,
        'mutation($p: String!, $file: Upload!) { importCatalogue(project: $p, namespace: "common", file: $file) { jobId } }',
        { p: slug },
        { name: 'en.json', text: SOURCE_FILE },
        { cookie: client.rawCookie },
      );
      expect(upload.body.errors).toBeUndefined();
    }
    clients.set('owner', owner);
    clients.set('anonymous', new TestClient(api.baseUrl));
    const members: [RoleName, string, string | null][] = [
      ['developer', 'developer', null],
      ['language_manager (de)', 'language_manager', 'de'],
      ['language_manager (fr)', 'language_manager', 'fr'],
      ['translator', 'translator', null],
      ['non-member', '', null],
    ];
    for (const [name, role, locale] of members) {
      const user = await signedInClient(api.baseUrl, 'member');
      clients.set(name, user.client);
      if (role === '') continue;
      await owner.ok(
        'mutation($e: String!, $r: ProjectRole!, $l: String) { addMember(project: "own", email: $e, role: $r, locale: $l) { id } }',
        { e: user.email, r: role, l: locale },
      );
    }
  });

  afterAll(() => api.close());

  it('has a case for every mutation in the schema', async () => {
    const data = await owner.ok<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { mutationType { fields { name } } } }',
    );
    const covered = new Set(MUTATIONS.map((c) => c.name.split(' ')[0]));
    const missing = data.__schema.mutationType.fields
      .map((f) => f.name)
      .filter((name) => !covered.has(name) && !NOT_ROLE_BASED.has(name));
    expect(missing).toEqual([]);
  });

  it('allows exactly what the permission table allows', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const c of MUTATIONS) {
      for (const [role, client] of clients) {
        for (const own of [true, false]) {
          const project = own ? 'own' : 'other';
          const context: MatrixContext = {
            api,
            owner: own ? owner : otherOwner,
            project,
            freshEmail: async () => (await signedInClient(api.baseUrl, 'invitee')).email,
            freshLocale: () => {
              localeIndex += 1;
              return LOCALES[localeIndex % LOCALES.length] ?? 'it';
            },
          };
          const response = await c.run(client, context);
          calls += 1;
          const code = response.errors?.[0]?.extensions?.code;
          const outcome = code === undefined ? 'allowed' : code;
          const want = expected(c, role, own);
          if (outcome !== want) {
            mismatches.push(
              `${c.name} as ${role} on ${project}: expected ${want}, got ${outcome} (${response.errors?.[0]?.message ?? ''})`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(MUTATIONS.length * 7 * 2);
  });
});
