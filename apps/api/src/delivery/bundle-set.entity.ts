import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';

/**
 * A project's bundle set: its manifest, and the rebuild watermark of the last build. Written only
 * by builds. A build records the `bundle_request.requested_seq` it read in its snapshot as
 * `builtSeq`. Readers never build: while `builtAt` is null (never built), or for a `?fresh=1`
 * read while a request is above `builtSeq`, they answer 503 + Retry-After and the worker builds,
 * so a pull right after a push never serves the catalogue from before it.
 */
@Entity({ name: 'bundle_set' })
export class BundleSetEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'built_seq', type: 'bigint', default: 0 })
  builtSeq!: string;

  @Column({ name: 'bundle_set_hash', type: 'text', nullable: true })
  bundleSetHash!: string | null;

  /** manifest.json bytes (canonical JSON). */
  @Column({ type: 'text', nullable: true })
  manifest!: string | null;

  @Column({ name: 'manifest_hash', type: 'text', nullable: true })
  manifestHash!: string | null;

  @Column({ name: 'built_at', type: 'timestamptz', nullable: true })
  builtAt!: Date | null;

  /** How long the last rebuild took: the next one waits at least twice that (see the producer). */
  @Column({ name: 'build_ms', type: 'integer', default: 0 })
  buildMs!: number;
}
