import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';

/**
 * The current bundle of one (project, locale, namespace): its hash and counts. The bytes live in
 * bundle_version under the hash, so older hashed URLs keep working after a rebuild.
 */
@Entity({ name: 'bundle' })
export class BundleEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @PrimaryColumn({ type: 'text' })
  locale!: string;

  @PrimaryColumn({ type: 'text' })
  namespace!: string;

  /** Lowercase hex SHA-256 of the bytes (DOMAIN C4). */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'short_hash', type: 'text' })
  shortHash!: string;

  /** Keys written (each plural form counts). */
  @Column({ name: 'key_count', type: 'integer' })
  keyCount!: number;

  /** Source strings written to this bundle. */
  @Column({ name: 'unit_count', type: 'integer' })
  unitCount!: number;

  /** Live source strings of the namespace: the denominator of coverage. */
  @Column({ name: 'total_units', type: 'integer' })
  totalUnits!: number;

  @Column({ name: 'built_at', type: 'timestamptz' })
  builtAt!: Date;
}
