import { detectAbuse, type AbuseFlag } from '@chorus/voting';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fileScanReport } from '../moderation/scan-report';
import { VotingService } from './voting.service';

export interface AbuseScanResult {
  readonly flags: number;
  readonly collusionPairs: number;
  readonly unitsReweighted: number;
}

function usersOf(flag: AbuseFlag): string[] {
  switch (flag.kind) {
    case 'VOTING_RING_PAIR':
    case 'RECIPROCAL_PAIR':
      return [...flag.users];
    case 'AUTHOR_CONCENTRATION':
    case 'NEW_ACCOUNT_BURST':
      return [flag.authorId, ...flag.voterIds];
    default:
      return flag satisfies never;
  }
}

/**
 * The periodic abuse scan of one project (libs/voting detectAbuse over the project's votes).
 * Flags are upserted by fingerprint (kind + users), so a pattern found again updates its row;
 * collusion pairs are stored once, and the units where a pair voted for each other are re-run
 * with a `collusionFlagged` event, which drops those votes to wMin (DOMAIN B5/C2).
 */
@Injectable()
export class AbuseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly voting: VotingService,
  ) {}

  async scan(projectId: string, now: number): Promise<AbuseScanResult> {
    const votes = await this.dataSource.query<
      {
        voter_id: string;
        translation_id: string;
        author_id: string;
        value: 1 | -1;
        cast_at: Date;
      }[]
    >(
      `SELECT v.voter_id, v.translation_id, t.author_id, v.value, v.cast_at
         FROM vote v JOIN translation t ON t.id = v.translation_id JOIN translation_unit u ON u.id = t.unit_id
        WHERE u.project_id = $1`,
      [projectId],
    );
    const userIds = [...new Set(votes.flatMap((v) => [v.voter_id, v.author_id]))];
    const accounts = await this.dataSource.query<{ id: string; created_at: Date }[]>(
      'SELECT id, created_at FROM "user" WHERE id = ANY($1::uuid[])',
      [userIds],
    );
    const report = detectAbuse({
      votes: votes.map((v) => ({
        voterId: v.voter_id,
        candidateId: v.translation_id,
        authorId: v.author_id,
        value: v.value,
        castAt: v.cast_at.getTime(),
      })),
      accounts: accounts.map((a) => ({ userId: a.id, createdAt: a.created_at.getTime() })),
    });
    for (const flag of report.flags) {
      const users = usersOf(flag);
      const fingerprint = createHash('sha256')
        .update(`${flag.kind}:${[...users].sort().join(',')}`)
        .digest('hex');
      const [stored] = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO abuse_flag (project_id, kind, user_ids, fingerprint, evidence, detected_at)
         VALUES ($1, $2, $3::uuid[], $4, $5::jsonb, $6)
         ON CONFLICT (project_id, fingerprint) DO UPDATE SET evidence = EXCLUDED.evidence, detected_at = EXCLUDED.detected_at
         RETURNING id`,
        [projectId, flag.kind, users, fingerprint, JSON.stringify(flag.evidence), new Date(now)],
      );
      // The same flag also lands in the moderation queue, as a report by the system.
      if (stored !== undefined) {
        await fileScanReport(this.dataSource, {
          id: stored.id,
          projectId,
          kind: flag.kind,
          userIds: users,
        });
      }
    }
    let reweighted = 0;
    if (report.collusionPairs.length > 0) {
      const pairs = report.collusionPairs.map((p) => [p.a, p.b] as const);
      await this.dataSource.query(
        `INSERT INTO collusion_pair (user_a, user_b, detected_at)
         SELECT a, b, $3 FROM unnest($1::uuid[], $2::uuid[]) AS p(a, b)
         ON CONFLICT (user_a, user_b) DO NOTHING`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1]), new Date(now)],
      );
      const units = await this.dataSource.query<{ unit_id: string }[]>(
        `SELECT DISTINCT v.unit_id FROM vote v JOIN translation t ON t.id = v.translation_id
           JOIN unnest($1::uuid[], $2::uuid[]) AS p(a, b)
             ON (v.voter_id = p.a AND t.author_id = p.b) OR (v.voter_id = p.b AND t.author_id = p.a)`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      for (const { unit_id } of units) {
        await this.voting.applyToUnit(unit_id, { type: 'collusionFlagged', pairs }, now);
        reweighted += 1;
      }
    }
    return {
      flags: report.flags.length,
      collusionPairs: report.collusionPairs.length,
      unitsReweighted: reweighted,
    };
  }
}
