import { DEFAULT_PARAMS } from '@chorus/voting';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommunityService } from '../src/voting/community.service';
import { ReputationFolder } from '../src/voting/reputation-folder';
import { UnitStateRepository } from '../src/voting/unit-state.repository';
import { voterReputationSql } from '../src/voting/voter-reputation.sql';
import {
  seedCandidate,
  seedLedger,
  seedProject,
  seedString,
  seedUnit,
  seedUser,
  seedVote,
  type SeededProject,
} from './support/seed';
import { resetDatabase, startWorker } from './support/test-app';

interface Reputation {
  agree: number;
  disagree: number;
}

/**
 * A voter's reputation is a folded total plus the ledger rows not folded yet
 * (voterReputationSql); the worker's ReputationFolder moves frequent voters' rows into the total.
 * Whatever is folded, every reader must see exactly the ledger's sums.
 */
describe('voter reputation: folded totals (ReputationFolder)', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let folder: ReputationFolder;
  let project: SeededProject;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const worker = await startWorker();
    app = worker;
    close = () => worker.close();
    await resetDatabase(app);
    db = app.get(DataSource);
    folder = app.get(ReputationFolder);
    project = await seedProject(db, { slug: 'folded', locales: ['de', 'fr'] });
  });

  afterAll(() => close());

  /** What readers see (the shared SQL). */
  async function reputation(userId: string, locale: string): Promise<Reputation> {
    const [row] = await db.query<Reputation[]>(voterReputationSql('$1::uuid', '$2::text'), [
      userId,
      locale,
    ]);
    return row!;
  }

  /** The plain sum over every ledger row, folded or not: what the reading must equal. */
  async function ledgerSum(userId: string, locale: string): Promise<Reputation> {
    const [row] = await db.query<Reputation[]>(
      `SELECT COALESCE(sum(agree), 0)::float8 AS agree, COALESCE(sum(disagree), 0)::float8 AS disagree
         FROM reputation_ledger WHERE user_id = $1 AND locale = $2 AND kind = 'voter'`,
      [userId, locale],
    );
    return row!;
  }

  async function unfolded(userId: string, locale: string): Promise<number> {
    const [row] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM reputation_ledger
        WHERE user_id = $1 AND locale = $2 AND kind = 'voter' AND NOT folded`,
      [userId, locale],
    );
    return row!.n;
  }

  /** `n` voter rows: every third a disagreement, gold rounds (2) every fifth. */
  async function evaluate(userId: string, locale: string, n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      const g = i % 5 === 0 ? 2 : 1;
      await seedLedger(db, {
        userId,
        kind: 'voter',
        projectId: project.id,
        locale,
        agree: i % 3 === 0 ? 0 : g,
        disagree: i % 3 === 0 ? g : 0,
      });
    }
  }

  it("folds a frequent voter's rows and leaves every reading as the ledger sums it", async () => {
    const [frequent, occasional] = [
      await seedUser(db, 'Frequent'),
      await seedUser(db, 'Occasional'),
    ];
    await evaluate(frequent, 'de', 70);
    await evaluate(frequent, 'fr', 3);
    await evaluate(occasional, 'de', 5);
    // The translator kind is never folded nor counted as a voter's reputation.
    await seedLedger(db, {
      userId: frequent,
      kind: 'translator',
      projectId: project.id,
      locale: 'de',
      accepted: 1,
    });
    const before = {
      frequentDe: await ledgerSum(frequent, 'de'),
      frequentFr: await ledgerSum(frequent, 'fr'),
      occasionalDe: await ledgerSum(occasional, 'de'),
    };
    expect(before.frequentDe).toEqual({ agree: 55, disagree: 29 });
    expect(await reputation(frequent, 'de')).toEqual(before.frequentDe);

    expect(await folder.fold(64)).toEqual({ pairs: 1, rows: 70, skipped: false });
    expect(await unfolded(frequent, 'de')).toBe(0);
    expect(await unfolded(frequent, 'fr')).toBe(3);
    expect(await reputation(frequent, 'de')).toEqual(before.frequentDe);
    expect(await reputation(frequent, 'fr')).toEqual(before.frequentFr);
    expect(await reputation(occasional, 'de')).toEqual(before.occasionalDe);

    // New rows after the fold add to the total; a second fold below the threshold does nothing.
    await evaluate(frequent, 'de', 4);
    const grown = await ledgerSum(frequent, 'de');
    expect(await reputation(frequent, 'de')).toEqual(grown);
    expect(await folder.fold(64)).toEqual({ pairs: 0, rows: 0, skipped: false });
    expect(await folder.fold(1)).toMatchObject({ rows: 4 + 3 + 5, skipped: false });
    expect(await reputation(frequent, 'de')).toEqual(grown);
    expect(await reputation(frequent, 'fr')).toEqual(before.frequentFr);
    expect(await reputation(occasional, 'de')).toEqual(before.occasionalDe);
    const [total] = await db.query<{ folded_rows: number }[]>(
      'SELECT folded_rows FROM voter_reputation_total WHERE user_id = $1 AND locale = $2',
      [frequent, 'de'],
    );
    expect(total!.folded_rows).toBe(74);

    // A decision applied again inserts nothing (the ledger's key), folded or not.
    const [someRow] = await db.query<{ round_id: string }[]>(
      `SELECT round_id FROM reputation_ledger WHERE user_id = $1 AND locale = 'de' AND kind = 'voter' LIMIT 1`,
      [frequent],
    );
    await db.query(
      `INSERT INTO reputation_ledger (round_id, user_id, kind, project_id, locale, agree)
       VALUES ($1, $2, 'voter', $3, 'de', 100) ON CONFLICT DO NOTHING`,
      [someRow!.round_id, frequent, project.id],
    );
    expect(await reputation(frequent, 'de')).toEqual(grown);
  });

  it('gives the vote path and the close path the same reputation as the ledger', async () => {
    const voter = await seedUser(db, 'Reader');
    await evaluate(voter, 'de', 80);
    await folder.fold(64);
    await evaluate(voter, 'de', 2);
    const expected = await ledgerSum(voter, 'de');
    expect(expected.agree + expected.disagree).toBeGreaterThan(80);

    // voterProfile: what libs/voting's castVote weighs the vote with.
    const { profile } = await app
      .get(UnitStateRepository)
      .voterProfile(db.manager, voter, 'de', Date.now(), {
        maxVotesPerHour: 60,
        maxCandidatesPerHour: 30,
      });
    expect({ agree: profile.agree, disagree: profile.disagree }).toEqual(expected);

    // The community read (decision time): the voter's entry carries the same sums.
    const source = await seedString(db, project, { key: 'k', position: 0 });
    const unitId = await seedUnit(db, project, source.id, 'de');
    const translationId = await seedCandidate(db, {
      unitId,
      authorId: await seedUser(db, 'Author'),
      sourceHash: source.sourceHash,
      forms: { '': 'Hallo' },
    });
    await seedVote(db, { translationId, voterId: voter, value: 1 });
    const community = await app
      .get(CommunityService)
      .communityOf(
        db.manager,
        { projectId: project.id, localeId: project.locales['de']!, localeCode: 'de' },
        DEFAULT_PARAMS,
        Date.now(),
      );
    // Active in the locale: the voter and the candidate's author.
    expect(community.activeMembers).toBe(2);
    expect(community).toMatchObject({ voters: { [voter]: expected } });
  });

  it('skips a fold asked for while its own is still running', async () => {
    const running = folder.fold(1);
    expect(await folder.fold(1)).toEqual({ pairs: 0, rows: 0, skipped: true });
    expect((await running).skipped).toBe(false);
  });

  it('folds each row once when folders run at the same time', async () => {
    const voters = [await seedUser(db, 'A'), await seedUser(db, 'B'), await seedUser(db, 'C')];
    for (const v of voters) await evaluate(v, 'fr', 20);
    const sums = await Promise.all(voters.map((v) => ledgerSum(v, 'fr')));
    // Three workers' folders (one folder in a process skips while its own fold runs).
    const workers = [folder, new ReputationFolder(db), new ReputationFolder(db)];
    const results = await Promise.all(workers.map((f) => f.fold(1)));
    // Each row was moved by exactly one of them; the others found the lock held or nothing left.
    expect(results.reduce((n, r) => n + r.rows, 0)).toBeGreaterThanOrEqual(60);
    for (const [i, v] of voters.entries()) {
      expect(await unfolded(v, 'fr')).toBe(0);
      expect(await reputation(v, 'fr')).toEqual(sums[i]);
    }
    const [folded] = await db.query<{ n: number }[]>(
      `SELECT sum(folded_rows)::int AS n FROM voter_reputation_total WHERE user_id = ANY($1::uuid[])`,
      [voters],
    );
    expect(folded!.n).toBe(60);
  });
});
