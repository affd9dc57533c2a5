import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { ProjectEntity } from './project.entity';

/**
 * A catalogue file waiting for (or done by) a background import. Its id is the BullMQ job id, so
 * `GET /api/jobs/:id` can authorise against the project and still answer once BullMQ has dropped
 * the job. The body is emptied when the import commits; the result stays.
 */
@Entity({ name: 'import_upload' })
@Check('CHK_import_upload_json_format', `"json_format" IN ('v3', 'v4')`)
@Index(['createdAt'])
export class ImportUploadEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'text' })
  namespace!: string;

  @Column({ type: 'text' })
  locale!: string;

  /**
   * Nested ('.') or flat keys, decided when the upload was accepted; null for a new namespace's
   * file queued unparsed, whose style the worker decides from the file.
   */
  @Column({ name: 'nested_keys', type: 'boolean', nullable: true })
  nestedKeys!: boolean | null;

  /** 'v3' or 'v4' as the caller said; null: detected when the worker parses the file. */
  @Column({ name: 'json_format', type: 'text', nullable: true })
  jsonFormat!: string | null;

  /** Who the import acts for (author of imported candidates). */
  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'token_id', type: 'uuid', nullable: true })
  tokenId!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  error!: { code: string; message: string } | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
