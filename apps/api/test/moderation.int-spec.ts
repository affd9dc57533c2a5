import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fileScanReport } from '../src/moderation/scan-report';
import { buildBundles } from './support/bundle-build';
import { seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { signedInClient, type TestClient } from './support/graphql-client';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';

const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }`;
const VOTE = 'mutation($c: ID!) { castVote(candidateId: $c, value: 1) { hasVoted } }';
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!, $l: String) {
  addMember(project: $p, email: $e, role: $r, locale: $l) { id } }`;
const REPORT_CANDIDATE = `mutation($i: ReportCandidateInput!) { reportCandidate(input: $i) {
  id open reason note target locale reporter { id } targetUser { id } candidate { id key text } } }`;
const REPORT_USER = `mutation($i: ReportUserInput!) { reportUser(input: $i) { id open target locale } }`;
const QUEUE = `query($p: String!, $l: String, $a: ID, $f: Int) { moderationQueue(project: $p, locale: $l, after: $a, first: $f) {
  items { id reason target locale abuseKind openReportsOnTarget reporter { id } targetUser { id } candidate { id text hidden } }
  nextCursor } }`;
const MODERATE = `mutation($i: ModerateReportInput!) { moderateReport(input: $i) { id open resolution candidate { hidden status } } }`;
const LIFT = 'mutation($p: String!, $u: ID!) { liftProjectBan(project: $p, userId: $u) }';
const CANDIDATES = `query($s: ID!, $l: String!) { candidates(stringId: $s, locale: $l) { candidates { id } } }`;

interface Person {
  client: TestClient;
  id: string;
  email: string;
}

interface QueueData {
  moderationQueue: {
    items: {
      id: string;
      reason: string;
      target: string;
      locale: string | null;
      abuseKind: string | null;
      openReportsOnTarget: number;
      reporter: { id: string } | null;
      targetUser: { id: string };
      candidate: { id: string; text: string; hidden: boolean } | null;
    }[];
    nextCursor: string | null;
  };
}

/**
 * Issue 18 item 4: reports and the moderation queue. Volunteers report candidates and users; the
 * locale's managers see them in a paginated queue with the abuse scan's flags, and act: hide,
 * reject, warn, ban from the project, dismiss. Every action resolves the target's reports, is
 * audited and notifies the reporters; a hidden candidate leaves the vote list and the bundle, and
 * a banned user can neither submit, vote nor report until the ban ends.
 */
describe('moderation: reports, queue and actions', () => {
  let api: RunningApi;
  let ds: DataSource;
  let owner: Person;
  let manager: Person;
  let author: Person;
  let author2: Person;
  let reporter: Person;
  let reporter2: Person;
  let stranger: Person;
  let seeded: SeededCatalogue;

  const str = (unit: string): string => {
    const id = seeded.strings[unit];
    if (id === undefined) throw new Error(`no ${unit}`);
    return id;
  };

  async function submit(person: Person, unit: string, text: string): Promise<string> {
    const data = await person.client.ok<{ submitTranslation: { candidate: { id: string } } }>(
      SUBMIT,
      { i: { stringId: str(unit), locale: 'de', forms: [{ category: '', text }] } },
    );
    return data.submitTranslation.candidate.id;
  }

  async function report(person: Person, candidateId: string, extra: Record<string, unknown> = {}) {
    return person.client.gql<{ reportCandidate: { id: string } }>(REPORT_CANDIDATE, {
      i: { candidateId, reason: 'OFFENSIVE', ...extra },
    });
  }

  async function moderate(person: Person, reportId: string, action: string, banDays?: number) {
    return person.client.gql<{
      moderateReport: {
        open: boolean;
        resolution: string;
        candidate: { hidden: boolean; status: string } | null;
      };
    }>(MODERATE, {
      i: {
        reportId,
        action,
        reason: 'community rules',
        ...(banDays === undefined ? {} : { banDays }),
      },
    });
  }

  const code = (response: { errors?: ReadonlyArray<{ extensions?: { code?: string } }> }) =>
    response.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    owner = await signedInClient(api.baseUrl, 'owner');
    seeded = await seedCatalogue(api.app, owner.client, {
      locales: ['de', 'fr'],
      source: { hello: 'Hello', bye: 'Bye', thanks: 'Thanks', yes: 'Yes' },
    });
    [manager, author, author2, reporter, reporter2, stranger] = (await Promise.all(
      ['manager', 'author', 'author-two', 'reporter', 'reporter-two', 'stranger'].map((n) =>
        signedInClient(api.baseUrl, n),
      ),
    )) as [Person, Person, Person, Person, Person, Person];
    await owner.client.ok(ADD_MEMBER, {
      p: seeded.slug,
      e: manager.email,
      r: 'language_manager',
      l: 'de',
    });
  }, 120_000);

  afterAll(() => api.close());

  it('files a report and refuses a duplicate, a long note, an unknown target and a self-report', async () => {
    const candidate = await submit(author, 's:hello', 'Hallo Trottel');
    const first = await report(reporter, candidate, { note: 'an insult' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.reportCandidate).toMatchObject({
      open: true,
      reason: 'OFFENSIVE',
      note: 'an insult',
      target: 'CANDIDATE',
      locale: 'de',
      reporter: { id: reporter.id },
      targetUser: { id: author.id },
      candidate: { id: candidate, key: 'hello', text: 'Hallo Trottel' },
    });
    expect(code(await report(reporter, candidate))).toBe('DUPLICATE_REPORT');
    const long = await report(reporter2, candidate, { note: 'x'.repeat(1001) });
    expect(code(long)).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toContain('1000');
    expect(code(await report(reporter, randomUUID()))).toBe('REPORT_TARGET_NOT_FOUND');
    expect(code(await report(author, candidate))).toBe('CANNOT_REPORT_SELF');
    const unknownUser = await reporter.client.gql(REPORT_USER, {
      i: { project: seeded.slug, userId: stranger.id, reason: 'SPAM' },
    });
    expect(code(unknownUser)).toBe('REPORT_TARGET_NOT_FOUND');
    const badLocale = await reporter.client.gql(REPORT_USER, {
      i: { project: seeded.slug, userId: author.id, locale: 'xx', reason: 'SPAM' },
    });
    expect(code(badLocale)).toBe('UNKNOWN_LOCALE');
    const [audit] = await ds.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM event WHERE type = 'report.filed' AND actor_id = $1",
      [reporter.id],
    );
    expect(audit?.n).toBe(1);
  });

  it('shows the queue to the locale managers and owners only, paginated, with scan reports for owners', async () => {
    expect(code(await reporter.client.gql(QUEUE, { p: seeded.slug, l: 'de' }))).toBe('FORBIDDEN');
    expect(code(await manager.client.gql(QUEUE, { p: seeded.slug, l: 'fr' }))).toBe('FORBIDDEN');
    expect(code(await manager.client.gql(QUEUE, { p: seeded.slug }))).toBe('FORBIDDEN');
    const other = await submit(author, 's:bye', 'Tschüss du');
    await report(reporter2, other);
    const [flag] = await ds.query<{ id: string }[]>(
      `INSERT INTO abuse_flag (project_id, kind, user_ids, fingerprint, evidence, detected_at)
       VALUES ($1, 'AUTHOR_CONCENTRATION', $2::uuid[], 'fp-1', '{}', now()) RETURNING id`,
      [seeded.projectId, [author.id, reporter.id]],
    );
    const scanFlag = {
      id: flag!.id,
      projectId: seeded.projectId,
      kind: 'AUTHOR_CONCENTRATION',
      userIds: [author.id, reporter.id],
    };
    await fileScanReport(ds, scanFlag);
    await fileScanReport(ds, scanFlag); // a second scan files nothing new
    const page1 = await manager.client.ok<QueueData>(QUEUE, { p: seeded.slug, l: 'de', f: 1 });
    expect(page1.moderationQueue.items).toHaveLength(1);
    expect(page1.moderationQueue.nextCursor).not.toBeNull();
    const page2 = await manager.client.ok<QueueData>(QUEUE, {
      p: seeded.slug,
      l: 'de',
      a: page1.moderationQueue.nextCursor,
      f: 10,
    });
    expect(page2.moderationQueue.items).toHaveLength(1);
    expect(page2.moderationQueue.nextCursor).toBeNull();
    // The scan's report is project-wide: the owners' unfiltered queue has it, the de queue does not.
    const all = await owner.client.ok<QueueData>(QUEUE, { p: seeded.slug, f: 10 });
    const scan = all.moderationQueue.items.filter((i) => i.reason === 'ABUSE_SCAN');
    expect(scan).toEqual([
      expect.objectContaining({
        reporter: null,
        abuseKind: 'AUTHOR_CONCENTRATION',
        targetUser: { id: author.id },
        locale: null,
      }),
    ]);
    expect(all.moderationQueue.items).toHaveLength(3);
    // A flag dismissed in the flagged-accounts panel leaves the queue with it.
    await ds.query('UPDATE abuse_flag SET cleared_at = now() WHERE id = $1', [flag!.id]);
    const after = await owner.client.ok<QueueData>(QUEUE, { p: seeded.slug, f: 10 });
    expect(after.moderationQueue.items).toHaveLength(2);
    // A language manager cannot act on a project-wide report.
    const [scanReport] = scan;
    expect(code(await moderate(manager, scanReport!.id, 'DISMISS'))).toBe('FORBIDDEN');

    // The owner dismissing a scan report dismisses its flag too: the two lists agree.
    const [second] = await ds.query<{ id: string }[]>(
      `INSERT INTO abuse_flag (project_id, kind, user_ids, fingerprint, evidence, detected_at)
       VALUES ($1, 'VOTING_RING_PAIR', $2::uuid[], 'fp-2', '{}', now()) RETURNING id`,
      [seeded.projectId, [reporter.id, reporter2.id]],
    );
    await fileScanReport(ds, {
      id: second!.id,
      projectId: seeded.projectId,
      kind: 'VOTING_RING_PAIR',
      userIds: [reporter.id, reporter2.id],
    });
    const [ring] = await ds.query<{ id: string }[]>(
      'SELECT id FROM moderation_report WHERE abuse_flag_id = $1',
      [second!.id],
    );
    const dismissed = await moderate(owner, ring!.id, 'DISMISS');
    expect(dismissed.data?.moderateReport).toMatchObject({ open: false, resolution: 'DISMISSED' });
    const [flagRow] = await ds.query<{ cleared: boolean }[]>(
      'SELECT cleared_at IS NOT NULL AS cleared FROM abuse_flag WHERE id = $1',
      [second!.id],
    );
    expect(flagRow?.cleared).toBe(true);
  });

  it('hides a winning candidate: it stops counting, leaves the vote list and the bundle, reporters are told', async () => {
    const candidate = await submit(author2, 's:thanks', 'Danke Idiot');
    await manager.client.ok(
      'mutation($c: ID!) { approveCandidate(id: $c, reason: "ok") { state } }',
      {
        c: candidate,
      },
    );
    await buildBundles(api.app, seeded.projectId);
    const bundleUrl = `${api.baseUrl}/bundles/${seeded.slug}/de/translation.json`;
    expect(await (await fetch(bundleUrl)).json()).toMatchObject({ thanks: 'Danke Idiot' });

    const r1 = (await report(reporter, candidate)).data!.reportCandidate.id;
    const r2 = (await report(reporter2, candidate, { reason: 'SPAM' })).data!.reportCandidate.id;
    expect(code(await moderate(reporter, r1, 'HIDE'))).toBe('FORBIDDEN');
    const hidden = await moderate(manager, r1, 'HIDE');
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data?.moderateReport).toMatchObject({
      open: false,
      resolution: 'HIDDEN',
      candidate: { hidden: true, status: 'REJECTED' },
    });
    // One action resolved both reports on the candidate.
    expect(code(await moderate(manager, r2, 'DISMISS'))).toBe('REPORT_RESOLVED');

    await buildBundles(api.app, seeded.projectId);
    const bundle = (await (await fetch(bundleUrl)).json()) as Record<string, string>;
    expect(bundle['thanks']).toBeUndefined();
    const list = await stranger.client.ok<{ candidates: { candidates: { id: string }[] } }>(
      CANDIDATES,
      {
        s: str('s:thanks'),
        l: 'de',
      },
    );
    expect(list.candidates.candidates.map((c) => c.id)).not.toContain(candidate);
    expect(code(await stranger.client.gql(VOTE, { c: candidate }))).toBe('CANDIDATE_INELIGIBLE');
    // Managers still see it, marked hidden.
    const managed = await manager.client.ok<{
      candidates: { candidates: { id: string; hidden: boolean }[] };
    }>(
      `query($s: ID!, $l: String!) { candidates(stringId: $s, locale: $l) { candidates { id hidden } } }`,
      {
        s: str('s:thanks'),
        l: 'de',
      },
    );
    expect(managed.candidates.candidates).toContainEqual({ id: candidate, hidden: true });

    const notified = await ds.query<{ user_id: string }[]>(
      "SELECT user_id FROM notification WHERE kind = 'REPORT_HANDLED' AND payload->>'action' = 'hidden'",
    );
    expect(notified.map((n) => n.user_id).sort()).toEqual([reporter.id, reporter2.id].sort());
    const [audit] = await ds.query<{ payload: { reportIds: string[] } }[]>(
      "SELECT payload FROM event WHERE type = 'moderation.hidden' AND actor_id = $1",
      [manager.id],
    );
    expect(audit?.payload.reportIds.sort()).toEqual([r1, r2].sort());
  });

  it('rejects, warns and dismisses, and refuses actions that do not apply', async () => {
    const candidate = await submit(author2, 's:yes', 'Ja ja ja');
    const onCandidate = (await report(reporter, candidate, { reason: 'MACHINE_TRANSLATED' })).data!
      .reportCandidate.id;
    const rejected = await moderate(manager, onCandidate, 'REJECT');
    expect(rejected.data?.moderateReport).toMatchObject({
      resolution: 'REJECTED',
      candidate: { hidden: false, status: 'REJECTED' },
    });

    const onUser = await reporter.client.ok<{ reportUser: { id: string; locale: string } }>(
      REPORT_USER,
      {
        i: {
          project: seeded.slug,
          userId: author2.id,
          locale: 'de',
          reason: 'SPAM',
          note: 'posts ads',
        },
      },
    );
    expect(code(await moderate(manager, onUser.reportUser.id, 'HIDE'))).toBe(
      'ACTION_NOT_APPLICABLE',
    );
    expect(code(await moderate(manager, onUser.reportUser.id, 'BAN'))).toBe(
      'ACTION_NOT_APPLICABLE',
    );
    expect(code(await moderate(manager, randomUUID(), 'DISMISS'))).toBe('REPORT_NOT_FOUND');
    const warned = await moderate(manager, onUser.reportUser.id, 'WARN');
    expect(warned.data?.moderateReport).toMatchObject({ resolution: 'WARNED' });
    const [warning] = await ds.query<{ payload: { action: string; excerpt: string } }[]>(
      "SELECT payload FROM notification WHERE user_id = $1 AND kind = 'MODERATION_WARNING'",
      [author2.id],
    );
    expect(warning?.payload).toMatchObject({ action: 'warned', excerpt: 'community rules' });

    const again = await reporter2.client.ok<{ reportUser: { id: string } }>(REPORT_USER, {
      i: { project: seeded.slug, userId: author2.id, locale: 'de', reason: 'OTHER' },
    });
    const dismissed = await moderate(manager, again.reportUser.id, 'DISMISS');
    expect(dismissed.data?.moderateReport).toMatchObject({ resolution: 'DISMISSED' });
    const types = await ds.query<{ type: string }[]>(
      "SELECT DISTINCT type FROM event WHERE type LIKE 'moderation.%' ORDER BY type",
    );
    expect(types.map((t) => t.type)).toEqual(
      expect.arrayContaining(['moderation.dismissed', 'moderation.rejected', 'moderation.warned']),
    );
  });

  it('bans a user from the project until the ban ends: no submit, vote, report or comment there', async () => {
    const onManager = await reporter.client.ok<{ reportUser: { id: string } }>(REPORT_USER, {
      i: { project: seeded.slug, userId: manager.id, locale: 'de', reason: 'OTHER' },
    });
    expect(code(await moderate(owner, onManager.reportUser.id, 'BAN', 3))).toBe('CANNOT_BAN');

    const victim = await submit(reporter2, 's:yes', 'Jawohl');
    const onUser = await reporter.client.ok<{ reportUser: { id: string } }>(REPORT_USER, {
      i: { project: seeded.slug, userId: author.id, locale: 'de', reason: 'OFFENSIVE' },
    });
    const banned = await moderate(manager, onUser.reportUser.id, 'BAN', 7);
    expect(banned.data?.moderateReport).toMatchObject({ resolution: 'BANNED' });
    const [notice] = await ds.query<{ payload: { excerpt: string; until: string } }[]>(
      "SELECT payload FROM notification WHERE user_id = $1 AND kind = 'PROJECT_BAN'",
      [author.id],
    );
    expect(notice?.payload.excerpt).toBe('community rules');
    expect(Date.parse(notice?.payload.until ?? '')).toBeGreaterThan(0);

    const refused = await author.client.gql(SUBMIT, {
      i: { stringId: str('s:bye'), locale: 'fr', forms: [{ category: '', text: 'Au revoir' }] },
    });
    expect(code(refused)).toBe('PROJECT_BANNED');
    expect(refused.errors?.[0]?.message).toContain('community rules');
    expect(code(await author.client.gql(VOTE, { c: victim }))).toBe('PROJECT_BANNED');
    expect(code(await report(author, victim))).toBe('PROJECT_BANNED');
    const comment = await author.client.gql(
      'mutation($i: StartThreadInput!) { startThread(input: $i) { threadId } }',
      { i: { stringId: str('s:bye'), locale: 'de', body: 'let me in' } },
    );
    expect(code(comment)).toBe('PROJECT_BANNED');

    // The ban has ended (its end moved into the past, as time passing would): all allowed again.
    await ds.query(
      "UPDATE project_ban SET expires_at = now() - interval '1 minute' WHERE user_id = $1",
      [author.id],
    );
    const vote = await author.client.gql(VOTE, { c: victim });
    expect(vote.errors).toBeUndefined();

    // A second ban, lifted early by an owner; lifting it twice is BAN_NOT_FOUND.
    const more = await reporter2.client.ok<{ reportUser: { id: string } }>(REPORT_USER, {
      i: { project: seeded.slug, userId: author.id, locale: 'de', reason: 'SPAM' },
    });
    await moderate(manager, more.reportUser.id, 'BAN', 1);
    expect(code(await author.client.gql(VOTE, { c: victim }))).toBe('PROJECT_BANNED');
    expect(code(await manager.client.gql(LIFT, { p: seeded.slug, u: author.id }))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await owner.client.ok<{ liftProjectBan: boolean }>(LIFT, { p: seeded.slug, u: author.id }))
        .liftProjectBan,
    ).toBe(true);
    expect(code(await owner.client.gql(LIFT, { p: seeded.slug, u: author.id }))).toBe(
      'BAN_NOT_FOUND',
    );
    expect(
      (
        await author.client.gql(SUBMIT, {
          i: { stringId: str('s:bye'), locale: 'fr', forms: [{ category: '', text: 'Au revoir' }] },
        })
      ).errors,
    ).toBeUndefined();
  });
});
