import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';

/**
 * Every bundle a (project, locale, namespace) has had, by content hash: the bytes behind the
 * immutable hashed URLs, so a page built against an older hash keeps loading after a rebuild.
 */
@Entity({ name: 'bundle_version' })
@Index(['projectId', 'locale', 'namespace', 'shortHash'])
export class BundleVersionEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @PrimaryColumn({ type: 'text' })
  locale!: string;

  @PrimaryColumn({ type: 'text' })
  namespace!: string;

  @PrimaryColumn({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'short_hash', type: 'text' })
  shortHash!: string;

  /** The canonical bytes as text (C4 bundles are UTF-8 without BOM). */
  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
