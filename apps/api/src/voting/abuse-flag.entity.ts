import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A suspicious pattern found by the periodic abuse scan (libs/voting detectAbuse), with its evidence. */
@Entity({ name: 'abuse_flag' })
@Index(['projectId', 'clearedAt'])
@Index(['projectId', 'fingerprint'], { unique: true })
export class AbuseFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  /** VOTING_RING_PAIR, RECIPROCAL_PAIR, AUTHOR_CONCENTRATION or NEW_ACCOUNT_BURST. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'user_ids', type: 'uuid', array: true })
  userIds!: string[];

  /** kind + sorted users: a flag found again by the next scan updates the same row. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'jsonb' })
  evidence!: Record<string, unknown>;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt!: Date;

  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt!: Date | null;
}
