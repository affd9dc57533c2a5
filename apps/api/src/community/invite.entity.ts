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
import type { ProjectRole } from '../identity/membership.entity';

/**
 * An invite link to a project (closed projects take these instead of joinProject). The token is
 * shown once at creation; only its SHA-256 is stored, like an API token.
 */
@Entity({ name: 'invite' })
@Check('CHK_invite_role', `"role" IN ('developer', 'language_manager', 'translator')`)
@Check('CHK_invite_locale', `("role" = 'language_manager') <= ("locale" <> '')`)
@Check('CHK_invite_uses', `"max_uses" IS NULL OR ("max_uses" > 0 AND "uses" <= "max_uses")`)
export class InviteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @Column({ type: 'text' })
  role!: Exclude<ProjectRole, 'owner'>;

  /** '' when the role spans the project (a translator invite may still name a locale). */
  @Column({ type: 'text', default: '' })
  locale!: string;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'max_uses', type: 'int', nullable: true })
  maxUses!: number | null;

  @Column({ type: 'int', default: 0 })
  uses!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
