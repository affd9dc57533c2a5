import { DataSource } from 'typeorm';
import { type TestClient, signedInClient } from './support/graphql-client';
import {
  seedCandidate,
  seedDecided,
  seedProject,
  seedString,
  seedUnit,
  seedUser,
  type SeededProject,
  type SeededString,
} from './support/seed';
import { resetDatabase, startApi, type RunningApi } from './support/test-app';
import { poll } from './support/worker-process';
import { StringQueueService } from '../src/translation/string-queue.service';

// The same selection as a client's string view: nextString must answer what `string` answers.
const FIELDS = `id namespace key kind context description maxLength sourceHash locale status
  candidateCount locked sourceForms { category text } requiredForms { category examples }
  winner { id forms { category text } author { displayName } tally { score } isMine myVote }
  round { number state reasons decision { decided winnerId reasons summary } }`;
const NEXT = `query($p: String!, $l: String!, $f: StringFilter, $skip: [ID!]) {
  nextString(project: $p, locale: $l, filter: $f, skip: $skip) { ${FIELDS} } }`;
const STRING = `query($id: ID!, $l: String!) { string(id: $id, locale: $l) { ${FIELDS} } }`;

interface Model {
  id: string;
  key: string;
  locale: string;
}

describe('nextString: leases and the string it hands out', () => {
  let api: RunningApi;
  let ds: DataSource;
  let project: SeededProject;
  const strings: SeededString[] = [];

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.app);
    ds = api.app.get(DataSource);
    project = await seedProject(ds, { slug: 'leases', locales: ['de', 'pt-BR'] });
    for (let i = 0; i < 6; i += 1) {
      strings.push(await seedString(ds, project, { key: `k${i}`, position: i }));
    }
  });

  afterAll(() => api.close());

  const next = (client: TestClient, p: string, l: string) =>
    client.ok<{ nextString: Model | null }>(NEXT, { p, l }).then((d) => d.nextString);

  /**
   * Holds a claim of this slot in the middle of its statement: an uncommitted lease row on the
   * (string, locale) slot makes the claim's insert wait, while it holds whatever its pick locked
   * (the slot's advisory lock). `release` rolls the row back and lets the claim go on.
   */
  async function holdSlot(stringId: string, localeId: string, userId: string) {
    const blocker = ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    const [{ pid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
    await blocker.query(
      `INSERT INTO string_lease (string_id, locale_id, user_id, expires_at)
       VALUES ($1, $2, $3, now() - interval '1 minute')`,
      [stringId, localeId, userId],
    );
    return {
      waitForClaim: (what: string) =>
        poll(
          `${what} to wait on the held slot`,
          () =>
            ds.query<{ n: number }[]>(
              'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
              [pid],
            ),
          (rows) => (rows[0]?.n ?? 0) > 0,
        ),
      release: async () => {
        await blocker.rollbackTransaction();
        await blocker.release();
      },
    };
  }

  const leasesOf = (userId: string) =>
    ds.query<{ string_id: string; locale_id: string; expires_at: Date }[]>(
      'SELECT string_id, locale_id, expires_at FROM string_lease WHERE user_id = $1 ORDER BY locale_id',
      [userId],
    );

  it('renews the held lease when asked again, and keeps one lease per locale', async () => {
    const { client, id } = await signedInClient(api.baseUrl, 'renewer');
    const first = await client.ok<{ nextString: Model }>(NEXT, { p: 'leases', l: 'de' });
    // Pretend time passed: the repeated call must push the expiry out again.
    await ds.query(
      `UPDATE string_lease SET expires_at = now() + interval '1 minute' WHERE user_id = $1`,
      [id],
    );
    const again = await client.ok<{ nextString: Model }>(NEXT, { p: 'leases', l: 'de' });
    expect(again.nextString.id).toBe(first.nextString.id);
    const [lease] = await leasesOf(id);
    expect(lease?.string_id).toBe(first.nextString.id);
    expect(lease!.expires_at.getTime()).toBeGreaterThan(Date.now() + 9 * 60 * 1000);

    // Another locale, sent in a non-canonical spelling: its own lease; the de one stays.
    const other = await client.ok<{ nextString: Model }>(NEXT, { p: 'leases', l: 'pt-br' });
    expect(other.nextString).toMatchObject({ key: 'k0', locale: 'pt-BR' });
    expect((await leasesOf(id)).map((l) => l.locale_id).sort()).toEqual(
      [project.locales['de'], project.locales['pt-BR']].sort(),
    );
    await ds.query('DELETE FROM string_lease');
  });

  it('renews a held string only while it still fits the filter, under ALL as well', async () => {
    const held = await seedProject(ds, { slug: 'held', locales: ['de'] });
    const h0 = await seedString(ds, held, { key: 'h0', position: 0 });
    const h1 = await seedString(ds, held, { key: 'h1', position: 1 });
    const { client, id } = await signedInClient(api.baseUrl, 'holder');
    const ask = (f: string, skip: string[] = []) =>
      client
        .ok<{ nextString: Model | null }>(NEXT, { p: 'held', l: 'de', f, skip })
        .then((d) => d.nextString?.key);
    expect(await ask('UNTRANSLATED', [h0.id])).toBe('h1');
    // ALL would hand out h0 first (no candidate, first in the catalogue): the held h1 comes first.
    await ds.query(`UPDATE string_lease SET expires_at = now() + interval '1 minute'`);
    expect(await ask('ALL')).toBe('h1');
    expect((await leasesOf(id))[0]!.expires_at.getTime()).toBeGreaterThan(
      Date.now() + 9 * 60 * 1000,
    );
    // Someone proposes a text for h1: it no longer fits UNTRANSLATED, so it is not renewed; the
    // next string is leased and the old lease released (one string at a time).
    const unit = await seedUnit(ds, held, h1.id, 'de');
    await seedCandidate(ds, {
      unitId: unit,
      authorId: await seedUser(ds, 'held-author'),
      sourceHash: h1.sourceHash,
      forms: { '': 'eins' },
    });
    expect(await ask('UNTRANSLATED')).toBe('h0');
    expect((await leasesOf(id)).map((l) => l.string_id)).toEqual([h0.id]);
    await ds.query('DELETE FROM string_lease');
  });

  it('lets go of a held string once its lease expired and someone else took it', async () => {
    const taken = await seedProject(ds, { slug: 'taken', locales: ['de'] });
    const [t0, t1] = [
      await seedString(ds, taken, { key: 't0', position: 0 }),
      await seedString(ds, taken, { key: 't1', position: 1 }),
    ];
    const { client, id } = await signedInClient(api.baseUrl, 'late-holder');
    const rival = await seedUser(ds, 'taker');
    const ask = () => next(client, 'taken', 'de');
    expect((await ask())?.key).toBe('t0');
    // The lease ran out and the rival took t0 (the caller has not asked since).
    await ds.query(
      `UPDATE string_lease SET user_id = $2, expires_at = now() + interval '5 minutes'
        WHERE string_id = $1`,
      [t0.id, rival],
    );
    expect((await ask())?.key).toBe('t1');
    // The rival's lease is theirs still; the caller holds t1 alone.
    expect(await leasesOf(rival)).toMatchObject([{ string_id: t0.id }]);
    expect((await leasesOf(id)).map((l) => l.string_id)).toEqual([t1.id]);
    await ds.query('DELETE FROM string_lease');
  });

  it('hands out the same model the string query returns, winner and round included', async () => {
    const author = await seedUser(ds, 'winner-author');
    await seedDecided(ds, project, strings[2]!, 'de', author, { '': 'zwei' });
    const { client } = await signedInClient(api.baseUrl, 'reader');
    const next = await client.ok<{ nextString: Model & { status: string } }>(NEXT, {
      p: 'leases',
      l: 'de',
      f: 'DECIDED',
    });
    expect(next.nextString).toMatchObject({ key: 'k2', status: 'DECIDED' });
    const byId = await client.ok<{ string: Model }>(STRING, { id: strings[2]!.id, l: 'de' });
    expect(next.nextString).toEqual(byId.string);
    const untranslated = await client.ok<{ nextString: Model }>(NEXT, {
      p: 'leases',
      l: 'de',
      skip: [strings[0]!.id],
    });
    const plain = await client.ok<{ string: Model }>(STRING, {
      id: untranslated.nextString.id,
      l: 'de',
    });
    expect(untranslated.nextString).toEqual(plain.string);
    await ds.query('DELETE FROM string_lease');
  });

  it('never makes a volunteer of another locale skip a string being claimed', async () => {
    const slots = await seedProject(ds, { slug: 'slots', locales: ['de', 'pl'] });
    const only = await seedString(ds, slots, { key: 'only', position: 0 });
    const [de, pl] = await Promise.all([
      signedInClient(api.baseUrl, 'slot-de'),
      signedInClient(api.baseUrl, 'slot-pl'),
    ]);
    const slot = await holdSlot(only.id, slots.locales['de']!, de.id);
    const deCall = next(de.client, 'slots', 'de');
    try {
      await slot.waitForClaim('the de claim');
      // The pl slot is free: the pl volunteer must get the string now, not skip it.
      expect((await next(pl.client, 'slots', 'pl'))?.key).toBe('only');
    } finally {
      await slot.release();
    }
    expect((await deCall)?.key).toBe('only');
    await ds.query('DELETE FROM string_lease');
  });

  it('gives a volunteer who asks twice at once their one string both times', async () => {
    // Two tabs, or a page that asks again while its first call is still out: the second call
    // must not see the first's slot lock as someone else's and answer "nothing left".
    const twice = await seedProject(ds, { slug: 'twice', locales: ['de'] });
    const only = await seedString(ds, twice, { key: 'only', position: 0 });
    const volunteer = await signedInClient(api.baseUrl, 'twice');
    const queue = api.app.get(StringQueueService);
    // Hold the first call in the middle of its statement, its slot lock taken.
    const slot = await holdSlot(only.id, twice.locales['de']!, volunteer.id);
    const first = next(volunteer.client, 'twice', 'de');
    let second: Promise<Model | null> | undefined;
    try {
      await slot.waitForClaim('the first claim');
      second = next(volunteer.client, 'twice', 'de');
      // The second call waits behind the first, holding no connection, until the first is done.
      await poll(
        'the second claim to wait for the first',
        () => Promise.resolve(queue.claimsWaiting),
        (waiting) => waiting === 1,
      );
    } finally {
      await slot.release();
    }
    expect((await first)?.key).toBe('only');
    expect((await second)?.key).toBe('only');
    const leases = await leasesOf(volunteer.id);
    expect(leases.map((l) => l.string_id)).toEqual([only.id]);
    await ds.query('DELETE FROM string_lease');
  });

  it('finds the first free string past a long translated stretch of the catalogue', async () => {
    // More taken strings than the ordered walk looks at (WALK_WINDOW, 256): the set-based branch
    // must take over and still answer in catalogue order.
    const long = await seedProject(ds, { slug: 'long', locales: ['de'] });
    const seeded: SeededString[] = [];
    for (let i = 0; i < 300; i += 1)
      seeded.push(
        await seedString(ds, long, { key: `s${String(i).padStart(3, '0')}`, position: i }),
      );
    await ds.query(
      `INSERT INTO translation_unit (project_id, string_id, locale_id, locked)
       SELECT $1, id, $2, true FROM unnest($3::uuid[]) AS id`,
      [long.id, long.locales['de'], seeded.slice(0, 290).map((s) => s.id)],
    );
    const { client } = await signedInClient(api.baseUrl, 'long-walker');
    expect((await next(client, 'long', 'de'))?.key).toBe('s290');
    const skip = await client.ok<{ nextString: Model | null }>(NEXT, {
      p: 'long',
      l: 'de',
      skip: [seeded[290]!.id],
    });
    expect(skip.nextString?.key).toBe('s291');
    await ds.query('DELETE FROM string_lease');
  });

  /**
   * `count` strings (keys `<prefix>000`…) in catalogue order, each with a candidate by another
   * user, and a voter; `vote(indices)` casts the voter's votes on those strings, a second apart
   * in that order (the last is the latest); `ask(skip)` is the voter's NEEDS_VOTES nextString.
   */
  async function seedBallot(slug: string, prefix: string, count: number) {
    const ballot = await seedProject(ds, { slug, locales: ['de'] });
    const author = await seedUser(ds, `${slug}-author`);
    const seeded: SeededString[] = [];
    for (let i = 0; i < count; i += 1)
      seeded.push(
        await seedString(ds, ballot, {
          key: `${prefix}${String(i).padStart(3, '0')}`,
          position: i,
        }),
      );
    await ds.query(
      `WITH u AS (
         INSERT INTO translation_unit (project_id, string_id, locale_id)
         SELECT $1, id, $2 FROM unnest($3::uuid[]) AS id RETURNING id, string_id)
       INSERT INTO translation (unit_id, author_id, source_hash, forms, dedupe_key)
       SELECT u.id, $4, s.source_hash, '{"": "x"}', '[["","x"]]'
         FROM u JOIN source_string s ON s.id = u.string_id`,
      [ballot.id, ballot.locales['de'], seeded.map((x) => x.id), author],
    );
    const candidates = await ds.query<{ id: string; unit_id: string; string_id: string }[]>(
      `SELECT t.id, t.unit_id, u.string_id FROM translation t
         JOIN translation_unit u ON u.id = t.unit_id WHERE u.project_id = $1`,
      [ballot.id],
    );
    const byString = new Map(candidates.map((c) => [c.string_id, c]));
    const voter = await signedInClient(api.baseUrl, `${slug}-voter`);
    const vote = (indices: number[]) => {
      const picked = indices.map((i) => byString.get(seeded[i]!.id)!);
      return ds.query(
        `INSERT INTO vote (translation_id, unit_id, voter_id, value, weight, cast_at)
         SELECT c.id, c.unit_id, $3, 1, 1, now() - make_interval(secs => $4::int - c.n)
           FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS c(id, unit_id, n)`,
        [picked.map((c) => c.id), picked.map((c) => c.unit_id), voter.id, indices.length],
      );
    };
    const ask = (skip: number[]) =>
      voter.client
        .ok<{ nextString: Model | null }>(NEXT, {
          p: slug,
          l: 'de',
          f: 'NEEDS_VOTES',
          skip: skip.map((i) => seeded[i]!.id),
        })
        .then((d) => d.nextString?.key);
    return { vote, ask };
  }

  it('gives a voter the first string they have not voted on, past a long voted stretch', async () => {
    // NEEDS_VOTES walks the catalogue too: 300 strings with someone else's candidate, the voter
    // has voted on the first 290, last on v000, so the walk resumes after v000 and finds only
    // voted strings in its window (256): the set-based branch must answer, in catalogue order.
    const { vote, ask } = await seedBallot('ballot', 'v', 300);
    await vote(Array.from({ length: 290 }, (_, i) => 289 - i));
    expect(await ask([])).toBe('v290');
    expect(await ask([290])).toBe('v291');
    await ds.query('DELETE FROM string_lease');
  });

  it('resumes a voter after their latest vote, then comes back for the strings left behind', async () => {
    const { vote, ask } = await seedBallot('resume', 'r', 10);
    await vote([2, 5]);
    expect(await ask([])).toBe('r006');
    // Nothing left after r005 (skipped): the set-based branch finds r000 from the start.
    expect(await ask([6, 7, 8, 9])).toBe('r000');
    await ds.query('DELETE FROM string_lease');
  });

  it('resumes a translator after their latest candidate, then comes back for the strings left behind', async () => {
    const resume = await seedProject(ds, { slug: 'resume-t', locales: ['de'] });
    const seeded: SeededString[] = [];
    for (let i = 0; i < 10; i += 1)
      seeded.push(await seedString(ds, resume, { key: `t${i}`, position: i }));
    const translator = await signedInClient(api.baseUrl, 'resuming-translator');
    await seedCandidate(ds, {
      unitId: await seedUnit(ds, resume, seeded[5]!.id, 'de'),
      authorId: translator.id,
      sourceHash: seeded[5]!.sourceHash,
      forms: { '': 'fünf' },
    });
    const ask = (skip: number[]) =>
      translator.client
        .ok<{ nextString: Model | null }>(NEXT, {
          p: 'resume-t',
          l: 'de',
          skip: skip.map((i) => seeded[i]!.id),
        })
        .then((d) => d.nextString?.key);
    expect(await ask([])).toBe('t6');
    expect(await ask([6, 7, 8, 9])).toBe('t0');
    await ds.query('DELETE FROM string_lease');
  });

  it('says which locale is unknown after the access check', async () => {
    const { client } = await signedInClient(api.baseUrl, 'lost');
    expect(await client.errorCode(NEXT, { p: 'leases', l: 'fr' })).toBe('UNKNOWN_LOCALE');
    expect(await client.errorCode(NEXT, { p: 'missing', l: 'fr' })).toBe('PROJECT_NOT_FOUND');
    expect(await ds.query('SELECT 1 FROM string_lease')).toEqual([]);
  });
});
