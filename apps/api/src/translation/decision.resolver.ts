import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { DecisionModel } from './dto/round.model';
import { ManagerApprovalModel } from './dto/manager-approval.model';

interface ApprovalRow {
  reason: string | null;
  created_at: Date;
  user_id: string | null;
  display_name: string | null;
  user_created_at: Date | null;
}

/** "Why this won" names who decided: for MANAGER_APPROVED, the approving manager and reason. */
@Resolver(() => DecisionModel)
export class DecisionResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => ManagerApprovalModel, {
    nullable: true,
    description: 'Set when a language manager approved the winner (MANAGER_APPROVED).',
  })
  async approval(@Parent() decision: DecisionModel): Promise<ManagerApprovalModel | null> {
    if (decision.winnerId === null || !decision.reasons.includes('MANAGER_APPROVED')) return null;
    // The newest approval of this candidate (IDX_event_candidate_approved).
    const [row] = await preparedQuery<ApprovalRow>(
      this.dataSource,
      `SELECT e.payload->>'reason' AS reason, e.created_at, u.id AS user_id, u.display_name,
              u.created_at AS user_created_at
         FROM event e LEFT JOIN "user" u ON u.id = e.actor_id
        WHERE e.type = 'candidate.approved' AND e.payload->>'candidateId' = $1
        ORDER BY e.id DESC LIMIT 1`,
      [decision.winnerId],
    );
    if (row === undefined) return null;
    return {
      by:
        row.user_id === null || row.display_name === null || row.user_created_at === null
          ? null
          : { id: row.user_id, displayName: row.display_name, createdAt: row.user_created_at },
      reason: row.reason ?? '',
      at: row.created_at,
    };
  }
}
