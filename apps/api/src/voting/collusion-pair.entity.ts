import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Two accounts flagged as voting together: their votes for each other's candidates weigh wMin
 * (DOMAIN C2). Stored with user_a < user_b so a pair is one row.
 */
@Entity({ name: 'collusion_pair' })
@Check('CHK_collusion_pair_order', `"user_a" < "user_b"`)
export class CollusionPairEntity {
  @PrimaryColumn({ name: 'user_a', type: 'uuid' })
  userA!: string;

  @PrimaryColumn({ name: 'user_b', type: 'uuid' })
  userB!: string;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt!: Date;

  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt!: Date | null;
}
