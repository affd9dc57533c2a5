import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';
import { AppError } from '../common/errors/app-error';
import { AccessService } from '../identity/access.service';
import { translationError } from '../translation/translation.errors';
import { discussionError } from './discussion.errors';
import { UUID } from '../common/uuid';

export interface StringInProject {
  readonly project: ProjectEntity;
  readonly stringId: string;
  readonly key: string;
}

export interface ThreadInProject extends StringInProject {
  readonly threadId: string;
  readonly locale: string;
  readonly authorId: string;
  readonly officialCommentId: string | null;
  readonly sourceIssue: boolean;
}

/**
 * Read visibility of discussions: the project's (public: anyone; private: members). What a
 * viewer cannot read does not exist for them (STRING_NOT_FOUND / THREAD_NOT_FOUND).
 */
@Injectable()
export class DiscussionAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async canRead(project: ProjectEntity, viewerId: string | null): Promise<boolean> {
    if (project.visibility === 'public') return true;
    return viewerId !== null && (await this.access.membershipsOf(project.id, viewerId)).length > 0;
  }

  /** The project by id when the viewer may read it; null when it is missing or hidden from them. */
  private async readableProject(
    projectId: string | undefined,
    viewerId: string | null,
  ): Promise<ProjectEntity | null> {
    if (projectId === undefined) return null;
    const project = await this.dataSource
      .getRepository(ProjectEntity)
      .findOne({ where: { id: projectId } });
    return project !== null && (await this.canRead(project, viewerId)) ? project : null;
  }

  async string(stringId: string, viewerId: string | null): Promise<StringInProject> {
    const row = UUID.test(stringId)
      ? await this.dataSource
          .query<{ project_id: string; key: string }[]>(
            'SELECT project_id, key FROM source_string WHERE id = $1 AND removed_at IS NULL',
            [stringId],
          )
          .then((rows) => rows[0])
      : undefined;
    const project = await this.readableProject(row?.project_id, viewerId);
    if (row === undefined || project === null) {
      throw translationError('STRING_NOT_FOUND', `No string "${stringId}" is visible to you.`);
    }
    return { project, stringId, key: row.key };
  }

  async thread(threadId: string, viewerId: string | null): Promise<ThreadInProject> {
    const row = UUID.test(threadId)
      ? await this.dataSource
          .query<
            {
              string_id: string;
              project_id: string;
              key: string;
              locale: string;
              author_id: string;
              official_comment_id: string | null;
              source_issue_at: Date | null;
            }[]
          >(
            `SELECT t.string_id, t.project_id, s.key, t.locale, t.author_id, t.official_comment_id,
                    t.source_issue_at
               FROM discussion_thread t JOIN source_string s ON s.id = t.string_id
              WHERE t.id = $1`,
            [threadId],
          )
          .then((rows) => rows[0])
      : undefined;
    const project = await this.readableProject(row?.project_id, viewerId);
    if (row === undefined || project === null) {
      throw discussionError('THREAD_NOT_FOUND', `No thread "${threadId}" is visible to you.`);
    }
    return {
      project,
      stringId: row.string_id,
      key: row.key,
      threadId,
      locale: row.locale,
      authorId: row.author_id,
      officialCommentId: row.official_comment_id,
      sourceIssue: row.source_issue_at !== null,
    };
  }

  async commentThread(commentId: string, viewerId: string | null): Promise<ThreadInProject> {
    const [row] = UUID.test(commentId)
      ? await this.dataSource.query<{ thread_id: string }[]>(
          'SELECT thread_id FROM discussion_comment WHERE id = $1',
          [commentId],
        )
      : [];
    const notFound = discussionError(
      'COMMENT_NOT_FOUND',
      `No comment "${commentId}" is visible to you.`,
    );
    if (row === undefined) throw notFound;
    try {
      return await this.thread(row.thread_id, viewerId);
    } catch (error) {
      // A thread the viewer may not read hides its comments; any other failure is not "not found".
      if (error instanceof AppError && error.code === 'THREAD_NOT_FOUND') throw notFound;
      throw error;
    }
  }
}
