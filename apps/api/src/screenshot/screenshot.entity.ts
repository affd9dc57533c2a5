import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type ScreenshotType = 'image/png' | 'image/jpeg' | 'image/webp';

/** One uploaded screen of an app, taken by the in-context package (docs/in-context.md). */
@Entity({ name: 'screenshot' })
export class ScreenshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'uploader_id', type: 'uuid', nullable: true })
  uploaderId!: string | null;

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
export class ScreenshotRegionEntity {
  @PrimaryColumn({ name: 'screenshot_id', type: 'uuid' })
  screenshotId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'text' })
  namespace!: string;

  @PrimaryColumn({ type: 'text' })
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
