import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../identity/access.service';
import type { NotifyInput } from '../notification/notification.service';
import { NotificationService } from '../notification/notification.service';
import { StringScopeService } from '../translation/string-scope.service';
import { DiscussionAccess, type StringInProject } from './discussion-access';
import { discussionError } from './discussion.errors';
import { mentionedNames } from './mentions';

/** Longest comment, in characters (code points, as Postgres counts them). */
export const COMMENT_MAX_CHARS = 2_000;
/** Replies notify at most this many earlier participants of a thread. */
const REPLY_NOTIFY_MAX = 50;

/** Checks and normalises a comment body: plain text, 1–2000 characters, no control characters. */
export function commentBody(raw: string): string {
  const body = raw.replace(/\r\n?/g, '\n').trim();
  if (body === '')
    throw discussionError('COMMENT_INVALID', 'Write something: the comment is empty.');
  const length = [...body].length;
  if (length > COMMENT_MAX_CHARS) {
    throw discussionError(
      'COMMENT_INVALID',
      `A comment has at most ${COMMENT_MAX_CHARS} characters (this one has ${length}); split it or shorten it.`,
      { max: COMMENT_MAX_CHARS, length },
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(body)) {
    throw discussionError('COMMENT_INVALID', 'A comment may not contain control characters.');
  }
  return body;
}

/** The one row an INSERT … RETURNING or a lookup by key gives back. */
function only<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`${what}: no row`);
  return row;
}

function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ');
  return line.length <= 140 ? line : `${line.slice(0, 139)}…`;
}

export interface PostedComment {
  readonly threadId: string;
  readonly commentId: string;
}

/**
 * Writes of the discussion on strings (issue 18 item 3): questions and comments, official answers
 * and source issues. Authorised against the permission table (discussion.post, discussion.answer,
 * issue.mark); notifications (mentions, replies, answers) are sent after the write commits.
 */
@Injectable()
export class DiscussionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly visible: DiscussionAccess,
    private readonly scope: StringScopeService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  /** Opens a thread on a string: in `locale`, or (null) a question about the source text. */
  async startThread(
    userId: string,
    stringId: string,
    locale: string | null,
    rawBody: string,
  ): Promise<PostedComment> {
    const target = await this.visible.string(stringId, userId);
    const code =
      locale === null || locale === ''
        ? ''
        : (await this.scope.localeOf(target.project, locale)).code;
    await this.access.require(userId, target.project, 'discussion.post');
    const body = commentBody(rawBody);
    const mentioned = await this.resolveMentions(target.project.id, userId, body);
    const posted = await this.dataSource.transaction(async (manager) => {
      const thread = only(
        await manager.query<{ id: string }[]>(
          `INSERT INTO discussion_thread (project_id, string_id, locale, author_id)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [target.project.id, stringId, code, userId],
        ),
        'discussion_thread insert',
      );
      const comment = only(
        await manager.query<{ id: string }[]>(
          `INSERT INTO discussion_comment (thread_id, author_id, body, mentioned_user_ids)
           VALUES ($1, $2, $3, $4::uuid[]) RETURNING id`,
          [thread.id, userId, body, mentioned],
        ),
        'discussion_comment insert',
      );
      return { threadId: thread.id, commentId: comment.id };
    });
    await this.notifyComment(userId, { ...target, locale: code }, posted, body, mentioned, []);
    return posted;
  }

  async postComment(userId: string, threadId: string, rawBody: string): Promise<PostedComment> {
    const thread = await this.visible.thread(threadId, userId);
    await this.access.require(userId, thread.project, 'discussion.post');
    const body = commentBody(rawBody);
    const mentioned = await this.resolveMentions(thread.project.id, userId, body);
    const { posted, participants } = await this.dataSource.transaction(async (manager) => {
      const comment = only(
        await manager.query<{ id: string }[]>(
          `INSERT INTO discussion_comment (thread_id, author_id, body, mentioned_user_ids)
           VALUES ($1, $2, $3, $4::uuid[]) RETURNING id`,
          [threadId, userId, body, mentioned],
        ),
        'discussion_comment insert',
      );
      await manager.query('UPDATE discussion_thread SET last_comment_at = now() WHERE id = $1', [
        threadId,
      ]);
      const earlier = await manager.query<{ author_id: string }[]>(
        `SELECT author_id FROM discussion_comment WHERE thread_id = $1 AND author_id <> $2
          GROUP BY author_id ORDER BY min(created_at) LIMIT $3`,
        [threadId, userId, REPLY_NOTIFY_MAX],
      );
      return {
        posted: { threadId, commentId: comment.id },
        participants: earlier.map((r) => r.author_id),
      };
    });
    await this.notifyComment(userId, thread, posted, body, mentioned, participants);
    return posted;
  }

  /**
   * Marks (or unmarks) a reply the thread's official answer. The marker needs discussion.answer
   * in the thread's locale (a source question: owners and developers), and so must the reply's
   * author: an official answer comes from a developer or manager.
   */
  async markOfficial(userId: string, commentId: string, official: boolean): Promise<string> {
    const thread = await this.visible.commentThread(commentId, userId);
    const locale = thread.locale === '' ? undefined : thread.locale;
    await this.access.require(userId, thread.project, 'discussion.answer', locale);
    if (official) {
      const comment = only(
        await this.dataSource.query<{ author_id: string; body: string }[]>(
          'SELECT author_id, body FROM discussion_comment WHERE id = $1',
          [commentId],
        ),
        'discussion_comment',
      );
      const authorId = comment.author_id;
      if (!(await this.access.can(authorId, thread.project, 'discussion.answer', locale))) {
        throw discussionError(
          'NOT_OFFICIAL_AUTHOR',
          thread.locale === ''
            ? "Only a developer's or owner's reply can be the official answer to a source question."
            : `Only a reply by a ${thread.locale} language manager, a developer or an owner can be the official answer.`,
        );
      }
      await this.dataSource.transaction(async (manager) => {
        await manager.query('UPDATE discussion_thread SET official_comment_id = $2 WHERE id = $1', [
          thread.threadId,
          commentId,
        ]);
        await this.audit.record(
          {
            actorId: userId,
            projectId: thread.project.id,
            type: 'discussion.official_answer',
            payload: { threadId: thread.threadId, commentId },
          },
          manager,
        );
      });
      if (thread.officialCommentId !== commentId && thread.authorId !== authorId) {
        const [actor] = await this.dataSource.query<{ display_name: string }[]>(
          'SELECT display_name FROM "user" WHERE id = $1',
          [authorId],
        );
        await this.notifications.notify({
          userId: thread.authorId,
          kind: 'QUESTION_ANSWERED',
          projectId: thread.project.id,
          payload: {
            threadId: thread.threadId,
            commentId,
            stringId: thread.stringId,
            stringKey: thread.key,
            locale: thread.locale === '' ? null : thread.locale,
            actorName: actor?.display_name ?? null,
            excerpt: excerptOf(comment.body),
          },
          dedupeKey: `answered:${commentId}`,
        });
      }
    } else if (thread.officialCommentId === commentId) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          'UPDATE discussion_thread SET official_comment_id = NULL WHERE id = $1 AND official_comment_id = $2',
          [thread.threadId, commentId],
        );
        await this.audit.record(
          {
            actorId: userId,
            projectId: thread.project.id,
            type: 'discussion.official_answer_cleared',
            payload: { threadId: thread.threadId, commentId },
          },
          manager,
        );
      });
    }
    return thread.threadId;
  }

  /** Flags a source question a *source issue* for the developers, or clears the flag. */
  async markSourceIssue(userId: string, threadId: string, issue: boolean): Promise<string> {
    const thread = await this.visible.thread(threadId, userId);
    await this.access.require(userId, thread.project, 'issue.mark');
    if (thread.locale !== '') {
      throw discussionError(
        'NOT_A_SOURCE_QUESTION',
        `Only a question about the source text can be a source issue; this thread is about its ${thread.locale} translation.`,
      );
    }
    if (issue === thread.sourceIssue) return threadId;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE discussion_thread SET source_issue_at = ${issue ? 'now()' : 'NULL'} WHERE id = $1`,
        [threadId],
      );
      await this.audit.record(
        {
          actorId: userId,
          projectId: thread.project.id,
          type: issue ? 'discussion.source_issue' : 'discussion.source_issue_cleared',
          payload: { threadId, stringId: thread.stringId },
        },
        manager,
      );
    });
    return threadId;
  }

  /**
   * The users `@name`s in the body stand for: among the project's members and the people who
   * took part in it (comments, candidates), one whose display name without spaces matches. A
   * name that matches nobody, or several people, stays plain text. Never the author.
   */
  private async resolveMentions(
    projectId: string,
    authorId: string,
    body: string,
  ): Promise<string[]> {
    const names = mentionedNames(body);
    if (names.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string; key: string }[]>(
      `WITH people AS (
         SELECT user_id FROM membership WHERE project_id = $1
         UNION SELECT t.author_id FROM discussion_thread th
           JOIN discussion_comment t ON t.thread_id = th.id WHERE th.project_id = $1
         UNION SELECT tr.author_id FROM translation tr
           JOIN translation_unit u ON u.id = tr.unit_id
           JOIN source_string s ON s.id = u.string_id WHERE s.project_id = $1
       )
       SELECT u.id, lower(regexp_replace(u.display_name, '\\s', '', 'g')) AS key
         FROM "user" u JOIN people p ON p.user_id = u.id
        WHERE lower(regexp_replace(u.display_name, '\\s', '', 'g')) = ANY($2::text[])`,
      [projectId, names],
    );
    const byKey = new Map<string, string[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.id]);
    const ids: string[] = [];
    for (const name of names) {
      const matches = byKey.get(name) ?? [];
      const only = matches.length === 1 ? matches[0] : undefined;
      if (only !== undefined && only !== authorId && !ids.includes(only)) ids.push(only);
    }
    return ids;
  }

  private async notifyComment(
    authorId: string,
    where: StringInProject & { readonly locale: string },
    posted: PostedComment,
    body: string,
    mentioned: readonly string[],
    participants: readonly string[],
  ): Promise<void> {
    if (mentioned.length === 0 && participants.length === 0) return;
    const [actor] = await this.dataSource.query<{ display_name: string }[]>(
      'SELECT display_name FROM "user" WHERE id = $1',
      [authorId],
    );
    const payload = {
      threadId: posted.threadId,
      commentId: posted.commentId,
      stringId: where.stringId,
      stringKey: where.key,
      locale: where.locale === '' ? null : where.locale,
      actorName: actor?.display_name ?? null,
      excerpt: excerptOf(body),
    };
    const notices: NotifyInput[] = mentioned.map((userId) => ({
      userId,
      kind: 'MENTION',
      projectId: where.project.id,
      payload,
      dedupeKey: `mention:${posted.commentId}`,
    }));
    for (const userId of participants)
      if (!mentioned.includes(userId))
        notices.push({
          userId,
          kind: 'REPLY',
          projectId: where.project.id,
          payload,
          dedupeKey: `reply:${posted.commentId}`,
        });
    await this.notifications.notifyMany(notices);
  }
}
