import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';
import { UserEntity } from '../identity/user.entity';

export type ScreenshotType = 'image/png' | 'image/jpeg' | 'image/webp';

/** One uploaded screen of an app, taken by the in-context package (docs/in-context.md). */
@Entity({ name: 'screenshot' })
@Check('CHK_screenshot_type', `"content_type" IN ('image/png','image/jpeg','image/webp')`)
export class ScreenshotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_screenshot' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_screenshot_project' })
  project?: ProjectEntity;

  @Column({ name: 'uploader_id', type: 'uuid', nullable: true })
  uploaderId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploader_id', foreignKeyConstraintName: 'FK_screenshot_uploader' })
  uploader?: UserEntity;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: ScreenshotType;

  @Column({ type: 'bytea' })
  image!: Buffer;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Where one key is shown on one screenshot, in image pixels. */
@Entity({ name: 'screenshot_region' })
@Index('IDX_screenshot_region_key', ['projectId', 'namespace', 'key', 'createdAt'])
export class ScreenshotRegionEntity {
  @PrimaryColumn({
    name: 'screenshot_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_screenshot_region',
  })
  screenshotId!: string;

  @ManyToOne(() => ScreenshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'screenshot_id',
    foreignKeyConstraintName: 'FK_screenshot_region_screenshot',
  })
  screenshot?: ScreenshotEntity;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_screenshot_region' })
  namespace!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_screenshot_region' })
  key!: string;

  @Column({ type: 'integer' })
  x!: number;

  @Column({ type: 'integer' })
  y!: number;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
