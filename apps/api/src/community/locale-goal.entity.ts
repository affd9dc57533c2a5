import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';

/** An owner's goal for one locale: `targetPercent` coverage by `dueDate` ("pl 100% by 31 January"). */
@Entity({ name: 'locale_goal' })
@Index(['projectId', 'locale'], { unique: true })
@Check('CHK_locale_goal_target', `"target_percent" BETWEEN 1 AND 100`)
export class LocaleGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'text' })
  locale!: string;

  @Column({ name: 'target_percent', type: 'int' })
  targetPercent!: number;

  /** A calendar day (YYYY-MM-DD); the goal is due at its end, UTC. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
