import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { catalogueError } from '../catalogue/catalogue.errors';
import { ProjectEntity } from '../catalogue/project.entity';
import { preparedQuery } from '../database/prepared-query';
import { AccessService } from '../identity/access.service';
import type { MembershipGrant } from '../identity/permissions';
import { moderationError } from './moderation.errors';
import type { ReportTargetKind, UserReportReason } from './report-kinds';
import { targetKeyOf } from './target-key';

export interface ReportInput {
  readonly reason: UserReportReason;
  readonly note: string | null;
}

interface CandidateTarget {
  project_id: string;
  slug: string;
  visibility: 'public' | 'private';
  author_id: string;
  locale: string;
  memberships: MembershipGrant[];
}

/**
 * Volunteers' reports (issue 18 item 4). A report names a candidate or a user of a project; the
 * reporter must be allowed to contribute there (`report.create`, so a project ban stops reports
 * too). One open report per reporter and target: the second is DUPLICATE_REPORT. Rate limits are
 * applied by the resolver (reportsPerUser, reportsPerIp).
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async reportCandidate(
    reporterId: string,
    candidateId: string,
    input: ReportInput,
  ): Promise<string> {
    const [target] = await preparedQuery<CandidateTarget>(
      this.dataSource,
      `SELECT tu.project_id, p.slug, p.visibility, t.author_id, l.code AS locale,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('role', m.role, 'locale', m.locale))
                          FROM membership m WHERE m.project_id = p.id AND m.user_id = $2), '[]') AS memberships
         FROM translation t
         JOIN translation_unit tu ON tu.id = t.unit_id
         JOIN locale l ON l.id = tu.locale_id
         JOIN project p ON p.id = tu.project_id
        WHERE t.id = $1`,
      [candidateId, reporterId],
    );
    // A private project's candidates do not exist for outsiders.
    if (
      target === undefined ||
      (target.visibility === 'private' && target.memberships.length === 0)
    ) {
      throw targetNotFound('candidate', candidateId);
    }
    const project = { id: target.project_id, slug: target.slug, visibility: target.visibility };
    this.access.check(project, target.memberships, 'report.create', target.locale);
    await this.access.requireNotBanned(project, reporterId, 'report.create');
    if (target.author_id === reporterId) {
      throw moderationError(
        'CANNOT_REPORT_SELF',
        'You cannot report your own translation; withdraw it instead.',
      );
    }
    return this.file(reporterId, {
      projectId: target.project_id,
      locale: target.locale,
      kind: 'CANDIDATE',
      candidateId,
      targetUserId: target.author_id,
      ...input,
    });
  }

  async reportUser(
    reporterId: string,
    slug: string,
    userId: string,
    locale: string | null,
    input: ReportInput,
  ): Promise<string> {
    const project = await this.access.requireProject(reporterId, slug, 'report.create');
    if (userId === reporterId) {
      throw moderationError('CANNOT_REPORT_SELF', 'You cannot report yourself.');
    }
    if (locale !== null) await this.requireLocale(project, locale);
    // "A user in the project": a member, or someone who has translated there.
    const [known] = await this.dataSource.query<{ ok: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM membership WHERE project_id = $1 AND user_id = $2)
           OR EXISTS (SELECT 1 FROM translation t JOIN translation_unit tu ON tu.id = t.unit_id
                       WHERE tu.project_id = $1 AND t.author_id = $2) AS ok`,
      [project.id, userId],
    );
    if (known?.ok !== true) throw targetNotFound('user', userId, slug);
    return this.file(reporterId, {
      projectId: project.id,
      locale,
      kind: 'USER',
      candidateId: null,
      targetUserId: userId,
      ...input,
    });
  }

  private async file(
    reporterId: string,
    report: {
      projectId: string;
      locale: string | null;
      kind: ReportTargetKind;
      candidateId: string | null;
      targetUserId: string;
      reason: UserReportReason;
      note: string | null;
    },
  ): Promise<string> {
    const note = report.note === null ? null : report.note.trim() || null;
    const targetKey = targetKeyOf(report.kind, report.candidateId ?? report.targetUserId);
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO moderation_report (project_id, locale, target_kind, target_key, candidate_id,
                                        target_user_id, reporter_id, reason, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (project_id, reporter_id, target_key) WHERE status = 'open' DO NOTHING
         RETURNING id`,
        [
          report.projectId,
          report.locale,
          report.kind,
          targetKey,
          report.candidateId,
          report.targetUserId,
          reporterId,
          report.reason,
          note,
        ],
      );
      const id = rows[0]?.id;
      if (id === undefined) {
        throw moderationError(
          'DUPLICATE_REPORT',
          'You have already reported this and a moderator has not handled it yet.',
        );
      }
      await this.audit.record(
        {
          actorId: reporterId,
          projectId: report.projectId,
          type: 'report.filed',
          payload: { reportId: id, target: targetKey, reason: report.reason },
        },
        manager,
      );
      return id;
    });
  }

  private async requireLocale(project: ProjectEntity, code: string): Promise<void> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM locale WHERE project_id = $1 AND code = $2',
      [project.id, code],
    );
    if (row === undefined || code === project.sourceLocale) {
      throw catalogueError(
        'UNKNOWN_LOCALE',
        `"${code}" is not a target locale of project "${project.slug}".`,
      );
    }
  }
}

function targetNotFound(what: 'candidate' | 'user', id: string, slug?: string) {
  return moderationError(
    'REPORT_TARGET_NOT_FOUND',
    what === 'candidate'
      ? `No candidate ${id} is visible to you.`
      : `No user ${id} has joined or translated in project "${slug ?? ''}".`,
  );
}
