import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { commonError } from '../common/errors/common.errors';
import { AccessService } from '../identity/access.service';
import { CommunityService } from './community.service';
import { UUID } from '../common/uuid';

const MAX_REASON = 500;

/**
 * A manager's verdict on an abuse flag (issue 17 item 6): *dismiss* says the pattern is honest.
 * The flag leaves the panel, and a collusion pair it named stops discounting the pair's votes
 * unless an undismissed flag (in any project) still names both; decisions taken before stand, the
 * next evaluation of a round counts the votes normally. A later scan that finds the same pattern
 * updates the dismissed row (same fingerprint) and does not bring it back.
 */
@Injectable()
export class AbuseFlagDismissService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly community: CommunityService,
  ) {}

  async dismiss(
    userId: string,
    slug: string,
    locale: string | undefined,
    flagId: string,
    reason: string,
    now: Date,
  ): Promise<boolean> {
    const project = await this.access.requireProject(userId, slug, 'abuse.dismiss', locale);
    const why = reason.trim();
    if (why.length === 0 || why.length > MAX_REASON) {
      throw commonError('BAD_USER_INPUT', `Give a reason of 1 to ${MAX_REASON} characters.`);
    }
    if (!UUID.test(flagId)) throw notFound(flagId);
    await this.dataSource.transaction(async (manager) => {
      const [flag] = await manager.query<{ user_ids: string[]; kind: string }[]>(
        'SELECT user_ids, kind FROM abuse_flag WHERE id = $1 AND project_id = $2 FOR UPDATE',
        [flagId, project.id],
      );
      if (flag === undefined) throw notFound(flagId);
      await manager.query(
        'UPDATE abuse_flag SET cleared_at = COALESCE(cleared_at, $2) WHERE id = $1',
        [flagId, now],
      );
      const [a, b] = [...flag.user_ids].sort();
      if (flag.user_ids.length === 2 && a !== undefined && b !== undefined) {
        await manager.query(
          `UPDATE collusion_pair SET cleared_at = COALESCE(cleared_at, $3)
            WHERE user_a = $1 AND user_b = $2
              AND NOT EXISTS (SELECT 1 FROM abuse_flag f WHERE f.cleared_at IS NULL
                                 AND f.user_ids @> ARRAY[$1, $2]::uuid[])`,
          [a, b, now],
        );
      }
      // The flag's report in the moderation queue is settled by the same verdict.
      await manager.query(
        `UPDATE moderation_report SET status = 'resolved', resolution = 'DISMISSED',
                resolved_by = $2, resolved_at = $3
          WHERE abuse_flag_id = $1 AND status = 'open'`,
        [flagId, userId, now],
      );
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'abuse_flag.dismissed',
          payload: { flagId, kind: flag.kind, userIds: flag.user_ids, reason: why },
        },
        manager,
      );
    });
    this.community.clear();
    return true;
  }
}

function notFound(id: string) {
  return commonError('NOT_FOUND', `No flag "${id}" in this project; reload the flagged accounts.`);
}
