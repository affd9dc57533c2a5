import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectEntity } from './project.entity';

/** One i18next namespace (one JSON file per locale), e.g. `translation` or `common`. */
@Entity({ name: 'namespace' })
@Index(['projectId', 'name'], { unique: true })
export class NamespaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'text' })
  name!: string;

  /** How bundles of this namespace are written: nested (`.`) or flat keys. */
  @Column({ name: 'nested_keys', type: 'boolean', default: true })
  nestedKeys!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
