import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../identity/access.service';
import { UserEntity } from '../identity/user.entity';
import { toUserModel } from '../identity/user.mapper';
import type {
  ModerationQueuePageModel,
  ModerationReportModel,
} from './dto/moderation-report.model';
import { ReportReason, ReportResolution, ReportTarget } from './dto/moderation-enums';

interface ReportRow {
  id: string;
  locale: string | null;
  target_kind: 'CANDIDATE' | 'USER';
  reason: string;
  note: string | null;
  status: 'open' | 'resolved';
  resolution: string | null;
  created_at: Date;
  reporter_id: string | null;
  target_user_id: string;
  candidate_id: string | null;
  candidate_forms: Record<string, string> | null;
  candidate_status: string | null;
  candidate_hidden: boolean | null;
  string_id: string | null;
  string_key: string | null;
  abuse_kind: string | null;
  open_on_target: number;
}

const COLUMNS = `r.id, r.locale, r.target_kind, r.reason, r.note, r.status, r.resolution, r.created_at,
  r.reporter_id, r.target_user_id, r.candidate_id, t.forms AS candidate_forms,
  t.status AS candidate_status, (t.hidden_at IS NOT NULL) AS candidate_hidden,
  s.id AS string_id, s.key AS string_key, f.kind AS abuse_kind,
  (SELECT count(*) FROM moderation_report o
    WHERE o.project_id = r.project_id AND o.target_key = r.target_key AND o.status = 'open')::int AS open_on_target
  FROM moderation_report r
  LEFT JOIN abuse_flag f ON f.id = r.abuse_flag_id
  LEFT JOIN translation t ON t.id = r.candidate_id
  LEFT JOIN translation_unit tu ON tu.id = t.unit_id
  LEFT JOIN source_string s ON s.id = tu.string_id`;

/**
 * The moderation queue of a project: open reports, oldest first, keyset-paginated. With a locale,
 * that locale's reports (its managers and the owners may read it); without, every report of the
 * project, including the project-wide ones (user reports without a locale, abuse-scan flags),
 * which only owners handle. A scan report whose flag was dismissed in the flagged-accounts panel
 * leaves the queue with it.
 */
@Injectable()
export class ModerationQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async queue(
    userId: string,
    slug: string,
    locale: string | null,
    after: string | null,
    first: number,
  ): Promise<ModerationQueuePageModel> {
    const project = await this.access.requireProject(
      userId,
      slug,
      'report.handle',
      locale ?? undefined,
    );
    const rows = await this.dataSource.query<ReportRow[]>(
      `SELECT ${COLUMNS}
        WHERE r.project_id = $1 AND r.status = 'open' AND (f.id IS NULL OR f.cleared_at IS NULL)
          AND ($2::text IS NULL OR r.locale = $2)
          AND ($3::uuid IS NULL OR (r.created_at, r.id) >
               (SELECT a.created_at, a.id FROM moderation_report a WHERE a.id = $3 AND a.project_id = $1))
        ORDER BY r.created_at, r.id
        LIMIT $4`,
      [project.id, locale, after, first + 1],
    );
    const page = rows.slice(0, first);
    const items = await this.toModels(page);
    return {
      items,
      nextCursor: rows.length > first ? (page[page.length - 1]?.id ?? null) : null,
    };
  }

  /** One report as the queue shows it (after a report or an action). */
  async one(reportId: string): Promise<ModerationReportModel> {
    const rows = await this.dataSource.query<ReportRow[]>(`SELECT ${COLUMNS} WHERE r.id = $1`, [
      reportId,
    ]);
    const [model] = await this.toModels(rows);
    if (model === undefined) throw new Error(`moderation_report ${reportId} vanished`);
    return model;
  }

  private async toModels(rows: readonly ReportRow[]): Promise<ModerationReportModel[]> {
    const ids = [
      ...new Set(
        rows.flatMap((r) => [r.target_user_id, ...(r.reporter_id === null ? [] : [r.reporter_id])]),
      ),
    ];
    const users =
      ids.length === 0
        ? []
        : await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) });
    const byId = new Map(users.map((u) => [u.id, toUserModel(u)]));
    return rows.flatMap((r) => {
      const targetUser = byId.get(r.target_user_id);
      if (targetUser === undefined) return [];
      return [
        {
          id: r.id,
          locale: r.locale,
          target: r.target_kind === 'CANDIDATE' ? ReportTarget.CANDIDATE : ReportTarget.USER,
          reason: r.reason as ReportReason,
          note: r.note,
          reporter: r.reporter_id === null ? null : (byId.get(r.reporter_id) ?? null),
          targetUser,
          candidate:
            r.candidate_id === null || r.string_id === null
              ? null
              : {
                  id: r.candidate_id,
                  stringId: r.string_id,
                  key: r.string_key ?? '',
                  text: Object.values(r.candidate_forms ?? {}).join('\n'),
                  hidden: r.candidate_hidden === true,
                  status: (r.candidate_status ?? '').toUpperCase(),
                },
          abuseKind: r.abuse_kind,
          openReportsOnTarget: r.open_on_target,
          open: r.status === 'open',
          resolution: r.resolution === null ? null : (r.resolution as ReportResolution),
          createdAt: r.created_at,
        },
      ];
    });
  }
}
