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
import { UserEntity } from './user.entity';
import { ProjectEntity } from '../catalogue/project.entity';

export type ProjectRole = 'owner' | 'developer' | 'language_manager' | 'translator';

/**
 * A role of a user in a project; `language_manager` is per locale, a translator may be (one row per
 * locale joined), owners and developers have locale ''.
 */
@Entity({ name: 'membership' })
@Index(['projectId', 'userId', 'role', 'locale'], { unique: true })
@Check('CHK_membership_role', `"role" IN ('owner', 'developer', 'language_manager', 'translator')`)
// A translator may name the locale they joined for (joinProject); owners and developers never do.
@Check(
  'CHK_membership_locale',
  `CASE "role" WHEN 'language_manager' THEN "locale" <> '' WHEN 'translator' THEN true ELSE "locale" = '' END`,
)
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  role!: ProjectRole;

  @Column({ type: 'text', default: '' })
  locale!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
