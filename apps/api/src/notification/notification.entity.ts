import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';
import { UserEntity } from '../identity/user.entity';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-kind';

/** One in-app notification for one user (issue 18 item 5); e-mailed in a digest when SMTP is set. */
@Entity({ name: 'notification' })
@Index('IDX_notification_user_created', ['userId', 'createdAt'])
@Index('UQ_notification_user_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('IDX_notification_unread', ['userId'], { where: `"read_at" IS NULL` })
@Index('IDX_notification_unemailed', ['createdAt'], { where: `"emailed_at" IS NULL` })
@Check('CHK_notification_kind', `"kind" IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(',')})`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_user' })
  user?: UserEntity;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_notification_project' })
  project?: ProjectEntity | null;

  /** What the notification is about (ids, locale, excerpt); small, shaped per kind. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Names the event (e.g. `won:<roundId>`), so an effect applied twice notifies once. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** When the e-mail digest carried it; null while unsent (or when SMTP is off). */
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;
}
