import { DataSource } from 'typeorm';
import { seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { signedInClient, TestClient } from './support/graphql-client';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const COMMENT_LIMIT = 12;
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!, $l: String) {
  addMember(project: $p, email: $e, role: $r, locale: $l) { id } }`;
const START = `mutation($i: StartThreadInput!) { startThread(input: $i) { threadId commentId } }`;
const REPLY = `mutation($t: ID!, $b: String!) { postComment(threadId: $t, body: $b) { threadId commentId } }`;
const OFFICIAL = `mutation($c: ID!, $o: Boolean) { markOfficialAnswer(commentId: $c, official: $o) }`;
const ISSUE = `mutation($t: ID!, $i: Boolean) { markSourceIssue(threadId: $t, issue: $i) }`;
const COMMENT_FIELDS = 'id body authorName official mentions';
const DISCUSSION = `query($s: ID!, $l: String) { stringDiscussion(stringId: $s, locale: $l) { threads {
  id locale sourceIssue commentCount officialAnswer { ${COMMENT_FIELDS} } comments { ${COMMENT_FIELDS} } } } }`;
const ISSUES = `query($p: String!, $f: Int, $a: String) { sourceIssues(project: $p, first: $f, after: $a) {
  items { id stringKey comments { body } } nextCursor } }`;
const NOTIFICATIONS = `{ notifications { items { kind threadId commentId stringKey locale actorName excerpt } } }`;

type User = { client: TestClient; id: string; email: string };
interface Comment {
  id: string;
  body: string;
  authorName: string;
  official: boolean;
  mentions: string[];
}
interface Thread {
  id: string;
  locale: string | null;
  sourceIssue: boolean;
  commentCount: number;
  officialAnswer: Comment | null;
  comments: Comment[];
}
interface Posted {
  threadId: string;
  commentId: string;
}
interface NotificationItem {
  kind: string;
  threadId: string | null;
  commentId: string | null;
  stringKey: string | null;
  locale: string | null;
  actorName: string | null;
  excerpt: string | null;
}

/**
 * Issue 18 item 3: a volunteer asks the developers about a source string, a developer answers,
 * the answer is marked official and shown first in every locale; @mentions and replies notify;
 * source issues are listed for the developers over GraphQL and REST; bad input is refused.
 */
describe('discussion on strings', () => {
  let api: RunningApi;
  let db: DataSource;
  let seed: SeededCatalogue;
  let owner: TestClient;
  let developer: User;
  let manager: User;
  let translator: User;
  let volunteer: User;
  let stringId: string;

  async function user(name: string): Promise<User> {
    return signedInClient(api.baseUrl, name);
  }

  async function discussion(client: TestClient, locale: string | null): Promise<Thread[]> {
    const data = await client.ok<{ stringDiscussion: { threads: Thread[] } }>(DISCUSSION, {
      s: stringId,
      l: locale,
    });
    return data.stringDiscussion.threads;
  }

  async function notificationsOf(client: TestClient): Promise<NotificationItem[]> {
    return (await client.ok<{ notifications: { items: NotificationItem[] } }>(NOTIFICATIONS))
      .notifications.items;
  }

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_COMMENTS: String(COMMENT_LIMIT) }));
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl', 'de'],
      source: { draft: 'Draft', total: 'Total' },
    });
    stringId = seed.strings['s:draft']!;
    developer = await user('developer');
    // Display names may hold spaces; a mention drops them (@DevEloper).
    await db.query(`UPDATE "user" SET display_name = 'Dev Eloper' WHERE id = $1`, [developer.id]);
    manager = await user('Manager');
    translator = await user('Translator');
    volunteer = await user('Volunteer');
    await owner.ok(ADD_MEMBER, { p: seed.slug, e: developer.email, r: 'developer', l: null });
    await owner.ok(ADD_MEMBER, { p: seed.slug, e: manager.email, r: 'language_manager', l: 'pl' });
    await owner.ok(ADD_MEMBER, { p: seed.slug, e: translator.email, r: 'translator', l: null });
  });

  afterAll(() => api?.close());

  it('asks the developers, answers officially, and shows the answer first in every locale', async () => {
    // A volunteer (no membership: the project is public) asks, mentioning the developer.
    const question = '<b>What</b> does "Draft" mean here, @DevEloper? cc @nobody-here';
    const asked = await volunteer.client.ok<{ startThread: Posted }>(START, {
      i: { stringId, body: `  ${question}\r\n` },
    });
    const { threadId } = asked.startThread;
    // A thread about the Polish wording, which the source question must still come before.
    await translator.client.ok(START, {
      i: { stringId, locale: 'pl', body: 'Szkic or wersja robocza?' },
    });

    const threads = await discussion(volunteer.client, 'pl');
    // Latest activity first until a source question has an official answer.
    expect(threads.map((t) => t.locale)).toEqual(['pl', null]);
    const first = threads.find((t) => t.id === threadId);
    // Markup is stored and returned as the text typed; only known names count as mentions.
    expect(first!.comments[0]).toMatchObject({
      body: question,
      authorName: 'Volunteer',
      mentions: ['Dev Eloper'],
    });
    const mentioned = await notificationsOf(developer.client);
    expect(mentioned).toEqual([
      {
        kind: 'MENTION',
        threadId,
        commentId: asked.startThread.commentId,
        stringKey: 'draft',
        locale: null,
        actorName: 'Volunteer',
        excerpt: question,
      },
    ]);

    const answer = await developer.client.ok<{ postComment: Posted }>(REPLY, {
      t: threadId,
      b: 'An unsent message, as in e-mail.',
    });
    const replied = await notificationsOf(volunteer.client);
    expect(replied.map((n) => [n.kind, n.actorName])).toEqual([['REPLY', 'Dev Eloper']]);
    const volunteerReply = await volunteer.client.ok<{ postComment: Posted }>(REPLY, {
      t: threadId,
      b: 'Thanks!',
    });

    // Who may mark: owners and developers for a source question; not translators or a pl manager.
    const { commentId } = answer.postComment;
    expect(await translator.client.errorCode(OFFICIAL, { c: commentId })).toBe('FORBIDDEN');
    expect(await manager.client.errorCode(OFFICIAL, { c: commentId })).toBe('FORBIDDEN');
    expect(await volunteer.client.errorCode(OFFICIAL, { c: commentId })).toBe('FORBIDDEN');
    // Only a developer's or manager's reply can be official.
    expect(await owner.errorCode(OFFICIAL, { c: volunteerReply.postComment.commentId })).toBe(
      'NOT_OFFICIAL_AUTHOR',
    );
    expect(await owner.ok(OFFICIAL, { c: commentId })).toEqual({ markOfficialAnswer: threadId });

    for (const locale of ['pl', 'de', null]) {
      const threads = await discussion(volunteer.client, locale);
      expect(threads[0]).toMatchObject({
        id: threadId,
        locale: null,
        commentCount: 3,
        officialAnswer: { id: commentId, official: true, authorName: 'Dev Eloper' },
      });
    }
    expect((await discussion(volunteer.client, 'pl')).map((t) => t.locale)).toEqual([null, 'pl']);
    expect((await discussion(volunteer.client, 'de')).map((t) => t.locale)).toEqual([null]);
    const rights = `query($s: ID!, $l: String) { stringDiscussion(stringId: $s, locale: $l) {
      viewer { post answerSource answerLocale markIssue } } }`;
    const rightsOf = async (client: TestClient, l: string) =>
      (
        await client.ok<{ stringDiscussion: { viewer: Record<string, boolean> } }>(rights, {
          s: stringId,
          l,
        })
      ).stringDiscussion.viewer;
    expect(await rightsOf(volunteer.client, 'pl')).toEqual({
      post: true,
      answerSource: false,
      answerLocale: false,
      markIssue: false,
    });
    expect(await rightsOf(manager.client, 'pl')).toEqual({
      post: true,
      answerSource: false,
      answerLocale: true,
      markIssue: true,
    });
    expect(await rightsOf(developer.client, 'de')).toEqual({
      post: true,
      answerSource: true,
      answerLocale: true,
      markIssue: true,
    });
    expect(await rightsOf(new TestClient(api.baseUrl), 'de')).toEqual({
      post: false,
      answerSource: false,
      answerLocale: false,
      markIssue: false,
    });
    const answered = await notificationsOf(volunteer.client);
    expect(answered[0]).toMatchObject({ kind: 'QUESTION_ANSWERED', threadId, commentId });
    // Marking the same answer again notifies nobody twice.
    await developer.client.ok(OFFICIAL, { c: commentId });
    expect(await notificationsOf(volunteer.client)).toHaveLength(answered.length);

    // Cleared, it is an ordinary reply again.
    await developer.client.ok(OFFICIAL, { c: commentId, o: false });
    expect((await discussion(volunteer.client, 'de'))[0]!.officialAnswer).toBeNull();
    await developer.client.ok(OFFICIAL, { c: commentId });
  });

  it("lets a locale's manager answer officially in that locale's threads", async () => {
    const asked = await translator.client.ok<{ startThread: Posted }>(START, {
      i: { stringId: seed.strings['s:total']!, locale: 'pl', body: 'Suma or Razem?' },
    });
    const reply = await manager.client.ok<{ postComment: Posted }>(REPLY, {
      t: asked.startThread.threadId,
      b: 'Razem, as in the glossary.',
    });
    const { commentId } = reply.postComment;
    expect(await developer.client.errorCode(OFFICIAL, { c: commentId })).toBeUndefined();
    expect(await manager.client.errorCode(OFFICIAL, { c: commentId })).toBeUndefined();
    const [notice] = await notificationsOf(translator.client);
    expect(notice).toMatchObject({ kind: 'QUESTION_ANSWERED', locale: 'pl', stringKey: 'total' });
    // A thread about a translation is no source issue.
    expect(await developer.client.errorCode(ISSUE, { t: asked.startThread.threadId })).toBe(
      'NOT_A_SOURCE_QUESTION',
    );
  });

  it('lists source issues for the developers over GraphQL and REST (tokens)', async () => {
    const [thread] = await discussion(developer.client, null);
    expect(await translator.client.errorCode(ISSUE, { t: thread!.id })).toBe('FORBIDDEN');
    expect(await volunteer.client.errorCode(ISSUE, { t: thread!.id })).toBe('FORBIDDEN');
    await developer.client.ok(ISSUE, { t: thread!.id });
    const listed = await volunteer.client.ok<{
      sourceIssues: { items: { id: string; stringKey: string }[]; nextCursor: string | null };
    }>(ISSUES, { p: seed.slug });
    expect(listed.sourceIssues.items.map((i) => [i.id, i.stringKey])).toEqual([
      [thread!.id, 'draft'],
    ]);
    expect(listed.sourceIssues.nextCursor).toBeNull();

    const token = await owner.ok<{ createApiToken: { secret: string } }>(
      'mutation($p: String!) { createApiToken(project: $p, name: "ci", scopes: [pull]) { secret } }',
      { p: seed.slug },
    );
    const rest = await fetch(`${api.baseUrl}/api/projects/${seed.slug}/issues`, {
      headers: { authorization: `Bearer ${token.createApiToken.secret}` },
    });
    expect(rest.status).toBe(200);
    const body = (await rest.json()) as { items: { id: string; comments: { body: string }[] }[] };
    expect(body.items.map((i) => i.id)).toEqual([thread!.id]);
    expect(body.items[0]!.comments[0]!.body).toContain('What</b> does');
    const anonymous = await fetch(`${api.baseUrl}/api/projects/${seed.slug}/issues`);
    expect(anonymous.status).toBe(401);
    const badPage = await fetch(`${api.baseUrl}/api/projects/${seed.slug}/issues?first=0`, {
      headers: { authorization: `Bearer ${token.createApiToken.secret}` },
    });
    expect(badPage.status).toBe(400);

    await developer.client.ok(ISSUE, { t: thread!.id, i: false });
    const cleared = await developer.client.ok<{ sourceIssues: { items: unknown[] } }>(ISSUES, {
      p: seed.slug,
    });
    expect(cleared.sourceIssues.items).toEqual([]);
    const audit = await db.query<{ type: string }[]>(
      "SELECT type FROM event WHERE project_id = $1 AND type LIKE 'discussion.%' ORDER BY id",
      [seed.projectId],
    );
    expect(audit.map((a) => a.type)).toEqual(
      expect.arrayContaining(['discussion.official_answer', 'discussion.source_issue_cleared']),
    );
  });

  it('refuses bad input, strangers to private projects, and too many comments', async () => {
    const poster = await user('poster');
    const cases: [Record<string, unknown>, string][] = [
      [{ stringId, body: '   ' }, 'COMMENT_INVALID'],
      [{ stringId, body: 'x'.repeat(2_001) }, 'COMMENT_INVALID'],
      [{ stringId, body: 'bell\u0007' }, 'COMMENT_INVALID'],
      [{ stringId, locale: 'xx', body: 'hi' }, 'UNKNOWN_LOCALE'],
      [{ stringId: '00000000-0000-0000-0000-000000000000', body: 'hi' }, 'STRING_NOT_FOUND'],
      [{ stringId: 'nope', body: 'hi' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases)
      expect(await poster.client.errorCode(START, { i: input })).toBe(code);
    // 2000 characters (counted as characters, not UTF-16 units) are fine.
    expect(
      await poster.client.errorCode(START, { i: { stringId, body: '😀'.repeat(2_000) } }),
    ).toBeUndefined();
    expect(await poster.client.errorCode(REPLY, { t: 'nope', b: 'hi' })).toBe('THREAD_NOT_FOUND');
    expect(await poster.client.errorCode(OFFICIAL, { c: 'nope' })).toBe('COMMENT_NOT_FOUND');
    const anonymous = new TestClient(api.baseUrl);
    expect(await anonymous.errorCode(START, { i: { stringId, body: 'hi' } })).toBe(
      'UNAUTHENTICATED',
    );
    // Anyone may read a public project's discussion; a private one's does not exist for strangers.
    expect((await discussion(anonymous, 'pl')).length).toBeGreaterThan(0);
    await db.query("UPDATE project SET visibility = 'private' WHERE id = $1", [seed.projectId]);
    try {
      expect(await poster.client.errorCode(DISCUSSION, { s: stringId, l: 'pl' })).toBe(
        'STRING_NOT_FOUND',
      );
      expect(await poster.client.errorCode(START, { i: { stringId, body: 'hi' } })).toBe(
        'STRING_NOT_FOUND',
      );
      expect(await poster.client.errorCode(ISSUES, { p: seed.slug })).toBe('PROJECT_NOT_FOUND');
      expect(await translator.client.errorCode(START, { i: { stringId, body: 'ok' } })).toBe(
        undefined,
      );
    } finally {
      await db.query("UPDATE project SET visibility = 'public' WHERE id = $1", [seed.projectId]);
    }

    // A user banned from the project may read but not comment there.
    await db.query(
      "INSERT INTO project_ban (project_id, user_id, reason) VALUES ($1, $2, 'spam')",
      [seed.projectId, poster.id],
    );
    expect(await poster.client.errorCode(START, { i: { stringId, body: 'hi' } })).toBe(
      'PROJECT_BANNED',
    );
    expect((await discussion(poster.client, 'pl')).length).toBeGreaterThan(0);

    // The comment limit: a fresh user's (limit + 1)th comment is refused with a wait time.
    const chatty = await user('chatty');
    for (let i = 0; i < COMMENT_LIMIT; i += 1)
      await chatty.client.ok(START, { i: { stringId, locale: 'de', body: `comment ${i}` } });
    const limited = await chatty.client.gql(START, {
      i: { stringId, locale: 'de', body: 'one more' },
    });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
