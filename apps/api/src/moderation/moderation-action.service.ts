import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { commonError } from '../common/errors/common.errors';
import { AccessService } from '../identity/access.service';
import type { MembershipGrant } from '../identity/permissions';
import { NotificationService, type NotifyInput } from '../notification/notification.service';
import { AbuseFlagDismissService } from '../voting/abuse-flag-dismiss.service';
import { VotingService } from '../voting/voting.service';
import { moderationError } from './moderation.errors';
import {
  RESOLUTION_OF,
  type ModerationAction,
  type ReportResolution,
  type ReportTargetKind,
} from './report-kinds';

const DAY_MS = 86_400_000;

export interface ModerateInput {
  readonly reportId: string;
  readonly action: ModerationAction;
  readonly reason: string;
  readonly banDays: number | null;
}

interface ReportContext {
  id: string;
  project_id: string;
  slug: string;
  visibility: 'public' | 'private';
  locale: string | null;
  target_kind: ReportTargetKind;
  target_key: string;
  candidate_id: string | null;
  target_user_id: string;
  abuse_flag_id: string | null;
  status: 'open' | 'resolved';
}

/**
 * A moderator's action on a report (issue 18 item 4): hide or reject the candidate, warn or ban
 * its user from the project, or dismiss. Whoever may handle the report's locale (owners for
 * project-wide reports) may act. The action resolves every open report on the same target, is
 * audited with the resolved report ids, and notifies each reporter (REPORT_HANDLED) and, for a
 * warning or a ban, the user concerned. Hide and reject go through the voting context's reject,
 * so the candidate stops counting and a winner it was leaves the next bundle build.
 */
@Injectable()
export class ModerationActionService {
  private readonly logger = new Logger('Moderation');

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly voting: VotingService,
    private readonly notifications: NotificationService,
    private readonly flags: AbuseFlagDismissService,
  ) {}

  async moderate(actorId: string, input: ModerateInput, now: number): Promise<string> {
    const report = await this.load(input.reportId);
    const memberships = await this.access.membershipsOf(report.project_id, actorId);
    const project = { id: report.project_id, slug: report.slug, visibility: report.visibility };
    if (report.visibility === 'private' && memberships.length === 0)
      throw reportNotFound(report.id);
    this.access.check(project, memberships, 'report.handle', report.locale ?? undefined);
    if (report.status !== 'open') {
      throw moderationError(
        'REPORT_RESOLVED',
        'Another moderator has already handled this report; reload the queue.',
      );
    }
    const reason = input.reason.trim();
    this.applicable(report, input, reason, actorId);
    if (input.action === 'BAN') await this.refuseBanOfManager(report, memberships);
    if (input.action === 'DISMISS' && report.abuse_flag_id !== null) {
      // The abuse scan's report is its flag: dismissing it is the flagged-accounts dismissal
      // (collusion discounts end, the report is settled with it), so the two lists agree.
      await this.flags.dismiss(
        actorId,
        report.slug,
        undefined,
        report.abuse_flag_id,
        reason,
        new Date(now),
      );
      return report.id;
    }
    if ((input.action === 'HIDE' || input.action === 'REJECT') && report.candidate_id !== null) {
      // The voting context checks candidate.reject for the candidate's locale and audits it.
      await this.voting.reject(actorId, report.candidate_id, reason, now);
    }
    const resolution = RESOLUTION_OF[input.action];
    const resolved = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; reporter_id: string | null }[]>(
        // Through a CTE: TypeORM answers a bare UPDATE with [rows, count], a SELECT with rows.
        `WITH resolved AS (
           UPDATE moderation_report SET status = 'resolved', resolution = $3, resolved_by = $4, resolved_at = $5
            WHERE project_id = $1 AND target_key = $2 AND status = 'open'
            RETURNING id, reporter_id)
         SELECT id, reporter_id FROM resolved`,
        [report.project_id, report.target_key, resolution, actorId, new Date(now)],
      );
      if (!rows.some((r) => r.id === report.id)) {
        throw moderationError(
          'REPORT_RESOLVED',
          'Another moderator has just handled this report; reload the queue.',
        );
      }
      let expiresAt: Date | null = null;
      if (input.action === 'HIDE' && report.candidate_id !== null) {
        await manager.query(
          'UPDATE translation SET hidden_at = COALESCE(hidden_at, $2) WHERE id = $1',
          [report.candidate_id, new Date(now)],
        );
      }
      if (input.action === 'BAN') {
        expiresAt = new Date(now + (input.banDays ?? 1) * DAY_MS);
        await manager.query(
          `INSERT INTO project_ban (project_id, user_id, reason, banned_by, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [report.project_id, report.target_user_id, reason, actorId, new Date(now), expiresAt],
        );
      }
      await this.audit.record(
        {
          actorId,
          projectId: report.project_id,
          type: `moderation.${resolution.toLowerCase()}`,
          payload: {
            reportIds: rows.map((r) => r.id),
            target: report.target_key,
            targetUserId: report.target_user_id,
            reason,
            ...(expiresAt === null ? {} : { expiresAt: expiresAt.toISOString() }),
          },
        },
        manager,
      );
      return { rows, expiresAt };
    });
    await this.notify(report, resolution, reason, resolved.rows, resolved.expiresAt, actorId);
    return report.id;
  }

  /** Ends a running project ban early (owners). */
  async liftBan(actorId: string, slug: string, userId: string, now: number): Promise<boolean> {
    const project = await this.access.requireProject(actorId, slug, 'report.handle');
    await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `WITH lifted AS (
           UPDATE project_ban SET lifted_at = $3
            WHERE project_id = $1 AND user_id = $2 AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $3)
            RETURNING id)
         SELECT id FROM lifted`,
        [project.id, userId, new Date(now)],
      );
      if (rows.length === 0) {
        throw moderationError(
          'BAN_NOT_FOUND',
          `User ${userId} is not banned from project "${slug}".`,
        );
      }
      await this.audit.record(
        { actorId, projectId: project.id, type: 'moderation.ban_lifted', payload: { userId } },
        manager,
      );
    });
    return true;
  }

  private applicable(
    report: ReportContext,
    input: ModerateInput,
    reason: string,
    actorId: string,
  ): void {
    if (reason.length === 0) {
      throw commonError(
        'BAD_USER_INPUT',
        'Give a reason: it is audited and shown to the user concerned.',
      );
    }
    const candidateAction = input.action === 'HIDE' || input.action === 'REJECT';
    if (candidateAction && report.candidate_id === null) {
      throw moderationError(
        'ACTION_NOT_APPLICABLE',
        'This report is about a user, not a translation: warn, ban or dismiss instead.',
      );
    }
    if (input.action === 'BAN' && input.banDays === null) {
      throw moderationError(
        'ACTION_NOT_APPLICABLE',
        'A ban needs a duration: give banDays (1 to 3650).',
      );
    }
    if (input.action !== 'BAN' && input.banDays !== null) {
      throw moderationError('ACTION_NOT_APPLICABLE', 'banDays applies to BAN only.');
    }
    if ((input.action === 'WARN' || input.action === 'BAN') && report.target_user_id === actorId) {
      throw moderationError('CANNOT_BAN', 'You cannot warn or ban yourself.');
    }
  }

  /** Owners and language managers are not banned by a report: the owners change roles instead. */
  private async refuseBanOfManager(
    report: ReportContext,
    actorMemberships: readonly MembershipGrant[],
  ): Promise<void> {
    const target = await this.access.membershipsOf(report.project_id, report.target_user_id);
    if (target.some((m) => m.role === 'owner' || m.role === 'language_manager')) {
      const hint = actorMemberships.some((m) => m.role === 'owner')
        ? 'change their role first'
        : 'ask an owner to change their role';
      throw moderationError(
        'CANNOT_BAN',
        `This user is an owner or a language manager here; ${hint}.`,
      );
    }
  }

  private async notify(
    report: ReportContext,
    resolution: ReportResolution,
    reason: string,
    resolved: readonly { id: string; reporter_id: string | null }[],
    expiresAt: Date | null,
    actorId: string,
  ): Promise<void> {
    const inputs: NotifyInput[] = [];
    // `action` and `excerpt` are the payload fields the bell shows (NotificationModel).
    const action = resolution.toLowerCase();
    for (const r of resolved) {
      if (r.reporter_id === null || r.reporter_id === actorId) continue;
      inputs.push({
        kind: 'REPORT_HANDLED',
        projectId: report.project_id,
        userId: r.reporter_id,
        payload: { reportId: r.id, action, target: report.target_kind },
        dedupeKey: `report:${r.id}`,
      });
    }
    if (resolution === 'WARNED' || resolution === 'BANNED') {
      inputs.push({
        kind: resolution === 'WARNED' ? 'MODERATION_WARNING' : 'PROJECT_BAN',
        projectId: report.project_id,
        userId: report.target_user_id,
        payload: {
          reportId: report.id,
          action,
          excerpt: reason,
          ...(expiresAt === null ? {} : { until: expiresAt.toISOString() }),
        },
        dedupeKey: `report-subject:${report.id}`,
      });
    }
    await this.notifications.notifyMany(inputs).catch((error: unknown) => {
      this.logger.error(`report notifications failed: ${String(error)}`);
    });
  }

  private async load(reportId: string): Promise<ReportContext> {
    const [row] = await this.dataSource.query<ReportContext[]>(
      `SELECT r.id, r.project_id, p.slug, p.visibility, r.locale, r.target_kind, r.target_key,
              r.candidate_id, r.target_user_id, r.abuse_flag_id, r.status
         FROM moderation_report r JOIN project p ON p.id = r.project_id WHERE r.id = $1`,
      [reportId],
    );
    if (row === undefined) throw reportNotFound(reportId);
    return row;
  }
}

function reportNotFound(id: string) {
  return moderationError(
    'REPORT_NOT_FOUND',
    `No report ${id} is visible to you; reload the queue.`,
  );
}
