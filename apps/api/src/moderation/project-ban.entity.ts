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

/**
 * A moderator's ban of one user from one project: until `expires_at` (null: until lifted) the user
 * may read the project but not submit, vote, comment or report there (AccessService, vote-statement).
 */
@Entity({ name: 'project_ban' })
@Index('IDX_project_ban_user', ['projectId', 'userId'], { where: `"lifted_at" IS NULL` })
@Check('CHK_project_ban_reason', `char_length("reason") BETWEEN 1 AND 500`)
export class ProjectBanEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_project_ban' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_project_ban_project' })
  project?: ProjectEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_project_ban_user' })
  user?: UserEntity;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'banned_by', type: 'uuid', nullable: true })
  bannedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'banned_by', foreignKeyConstraintName: 'FK_project_ban_banned_by' })
  bannedByUser?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true })
  liftedAt!: Date | null;
}
