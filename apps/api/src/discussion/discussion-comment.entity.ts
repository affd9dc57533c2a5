import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { DiscussionThreadEntity } from './discussion-thread.entity';

/** One comment in a thread: plain text (never rendered as HTML), with the users it @mentioned. */
@Entity({ name: 'discussion_comment' })
@Index('IDX_discussion_comment_thread', ['threadId', 'createdAt'])
@Check('CHK_discussion_comment_body', `char_length("body") BETWEEN 1 AND 2000`)
export class DiscussionCommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_discussion_comment' })
  id!: string;

  @Column({ name: 'thread_id', type: 'uuid' })
  threadId!: string;

  @ManyToOne(() => DiscussionThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'FK_discussion_comment_thread' })
  thread?: DiscussionThreadEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_discussion_comment_author' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'mentioned_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  mentionedUserIds!: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
