import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectService } from '../catalogue/project.service';
import { commonError } from '../common/errors/common.errors';
import { AccessService } from '../identity/access.service';
import type { ProjectAction } from '../identity/permissions';
import type {
  DiscussionCommentModel,
  DiscussionThreadModel,
  SourceIssuePageModel,
  StringDiscussionModel,
} from './dto/discussion.model';
import { DiscussionAccess } from './discussion-access';
import { StringScopeService } from '../translation/string-scope.service';
import { UUID } from '../common/uuid';

/** Threads per string view, comments per thread, issues per page. */
const THREADS_MAX = 50;
const COMMENTS_MAX = 100;
export const ISSUES_PAGE_MAX = 100;

interface ThreadRow {
  id: string;
  string_id: string;
  key: string;
  locale: string;
  source_issue_at: Date | null;
  created_at: Date;
  last_comment_at: Date;
  official_comment_id: string | null;
  comment_count: number;
}

interface CommentRow {
  id: string;
  thread_id: string;
  body: string;
  author_id: string;
  author_name: string;
  created_at: Date;
  mentions: string[];
}

const THREAD_COLUMNS = `t.id, t.string_id, s.key, t.locale, t.source_issue_at, t.created_at,
  t.last_comment_at, t.official_comment_id,
  (SELECT count(*)::int FROM discussion_comment c WHERE c.thread_id = t.id) AS comment_count`;

/** Reads of the discussion: whoever may read the project may read its discussions. */
@Injectable()
export class DiscussionQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visible: DiscussionAccess,
    private readonly scope: StringScopeService,
    private readonly projects: ProjectService,
    private readonly access: AccessService,
  ) {}

  /** The source questions of a string and its threads in `locale` (null: source questions only). */
  async forString(
    viewerId: string | null,
    stringId: string,
    locale: string | null,
  ): Promise<StringDiscussionModel> {
    const target = await this.visible.string(stringId, viewerId);
    const code =
      locale === null || locale === ''
        ? ''
        : (await this.scope.localeOf(target.project, locale)).code;
    const rows = await this.dataSource.query<ThreadRow[]>(
      `SELECT ${THREAD_COLUMNS}
         FROM discussion_thread t JOIN source_string s ON s.id = t.string_id
        WHERE t.string_id = $1 AND t.locale IN ('', $2)
        ORDER BY (t.locale = '' AND t.official_comment_id IS NOT NULL) DESC, t.last_comment_at DESC
        LIMIT $3`,
      [stringId, code, THREADS_MAX],
    );
    const can = (action: ProjectAction, scoped?: string): Promise<boolean> =>
      viewerId === null
        ? Promise.resolve(false)
        : this.access.can(viewerId, target.project, action, scoped);
    const [post, answerSource, answerLocale, markIssue] = await Promise.all([
      can('discussion.post'),
      can('discussion.answer'),
      code === '' ? Promise.resolve(false) : can('discussion.answer', code),
      can('issue.mark'),
    ]);
    return {
      viewer: { post, answerSource, answerLocale, markIssue },
      threads: await this.withComments(rows),
    };
  }

  /** A project's source issues, newest flag first (GraphQL, REST and `chorus issues`). */
  async sourceIssues(
    projectId: string,
    first: number,
    after: string | undefined,
  ): Promise<SourceIssuePageModel> {
    if (!Number.isInteger(first) || first < 1 || first > ISSUES_PAGE_MAX) {
      throw commonError(
        'BAD_USER_INPUT',
        `"first" must be between 1 and ${ISSUES_PAGE_MAX}; ask for more with "after".`,
      );
    }
    if (after !== undefined && !UUID.test(after)) {
      throw commonError('BAD_USER_INPUT', '"after" must be a nextCursor this query returned.');
    }
    const rows = await this.dataSource.query<ThreadRow[]>(
      `SELECT ${THREAD_COLUMNS}
         FROM discussion_thread t JOIN source_string s ON s.id = t.string_id
        WHERE t.project_id = $1 AND t.source_issue_at IS NOT NULL
          AND ($2::uuid IS NULL OR (t.source_issue_at, t.id) <
               (SELECT a.source_issue_at, a.id FROM discussion_thread a WHERE a.id = $2))
        ORDER BY t.source_issue_at DESC, t.id DESC
        LIMIT $3`,
      [projectId, after ?? null, first + 1],
    );
    const items = await this.withComments(rows.slice(0, first));
    return {
      items,
      nextCursor: rows.length > first ? (items[items.length - 1]?.id ?? null) : null,
    };
  }

  /** The project by slug, for a viewer who may read it (PROJECT_NOT_FOUND otherwise). */
  async readableProject(
    slug: string,
    viewerId: string | null,
  ): Promise<{ id: string; slug: string }> {
    return this.projects.findVisible(slug, viewerId);
  }

  private async withComments(rows: readonly ThreadRow[]): Promise<DiscussionThreadModel[]> {
    if (rows.length === 0) return [];
    const comments = await this.dataSource.query<CommentRow[]>(
      `SELECT c.id, c.thread_id, c.body, c.author_id, u.display_name AS author_name, c.created_at,
              COALESCE((SELECT array_agg(m.display_name ORDER BY m.display_name) FROM "user" m
                         WHERE m.id = ANY(c.mentioned_user_ids)), '{}') AS mentions
         FROM unnest($1::uuid[]) AS th(id)
         CROSS JOIN LATERAL (
           SELECT * FROM discussion_comment x WHERE x.thread_id = th.id
            ORDER BY x.created_at, x.id LIMIT $2) c
         JOIN "user" u ON u.id = c.author_id`,
      [rows.map((r) => r.id), COMMENTS_MAX],
    );
    const official = await this.dataSource.query<CommentRow[]>(
      `SELECT c.id, c.thread_id, c.body, c.author_id, u.display_name AS author_name, c.created_at,
              COALESCE((SELECT array_agg(m.display_name ORDER BY m.display_name) FROM "user" m
                         WHERE m.id = ANY(c.mentioned_user_ids)), '{}') AS mentions
         FROM discussion_comment c JOIN "user" u ON u.id = c.author_id
        WHERE c.id = ANY($1::uuid[])`,
      [rows.flatMap((r) => (r.official_comment_id === null ? [] : [r.official_comment_id]))],
    );
    const model = (c: CommentRow, officialId: string | null): DiscussionCommentModel => ({
      id: c.id,
      body: c.body,
      authorId: c.author_id,
      authorName: c.author_name,
      createdAt: c.created_at,
      official: c.id === officialId,
      mentions: c.mentions,
    });
    return rows.map((r) => {
      const answer = official.find((c) => c.id === r.official_comment_id);
      return {
        id: r.id,
        stringId: r.string_id,
        stringKey: r.key,
        locale: r.locale === '' ? null : r.locale,
        sourceIssue: r.source_issue_at !== null,
        createdAt: r.created_at,
        lastCommentAt: r.last_comment_at,
        officialAnswer: answer === undefined ? null : model(answer, r.official_comment_id),
        commentCount: r.comment_count,
        comments: comments
          .filter((c) => c.thread_id === r.id)
          .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
          .map((c) => model(c, r.official_comment_id)),
      };
    });
  }
}
