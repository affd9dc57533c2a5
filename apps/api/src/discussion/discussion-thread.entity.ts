import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';
import { SourceStringEntity } from '../catalogue/source-string.entity';
import { UserEntity } from '../identity/user.entity';

/**
 * A discussion about one source string: in one locale (wording, terminology), or with locale ''
 * a question about the source text to the developers, which may be flagged a *source issue*.
 */
@Entity({ name: 'discussion_thread' })
@Index('IDX_discussion_thread_string', ['stringId', 'locale'])
@Index('IDX_discussion_thread_issue', ['projectId', 'sourceIssueAt'], {
  where: `"source_issue_at" IS NOT NULL`,
})
@Check('CHK_discussion_thread_issue', `"source_issue_at" IS NULL OR "locale" = ''`)
export class DiscussionThreadEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_discussion_thread' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_discussion_thread_project' })
  project?: ProjectEntity;

  @Column({ name: 'string_id', type: 'uuid' })
  stringId!: string;

  @ManyToOne(() => SourceStringEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'string_id', foreignKeyConstraintName: 'FK_discussion_thread_string' })
  string?: SourceStringEntity;

  /** '' for a question about the source string (shown in every locale). */
  @Column({ type: 'text', default: '' })
  locale!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_discussion_thread_author' })
  author?: UserEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'last_comment_at', type: 'timestamptz', default: () => 'now()' })
  lastCommentAt!: Date;

  @Column({ name: 'official_comment_id', type: 'uuid', nullable: true })
  officialCommentId!: string | null;

  /** When it was flagged a source issue; null when it is not one. */
  @Column({ name: 'source_issue_at', type: 'timestamptz', nullable: true })
  sourceIssueAt!: Date | null;
}
