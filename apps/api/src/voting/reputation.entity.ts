import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Per-user, per-locale sums of the ledger, maintained in the same transaction as each entry. */
@Entity({ name: 'reputation' })
export class ReputationEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  locale!: string;

  @Column({ type: 'double precision', default: 0 })
  agree!: number;

  @Column({ type: 'double precision', default: 0 })
  disagree!: number;

  @Column({ type: 'double precision', default: 0 })
  accepted!: number;

  @Column({ type: 'double precision', default: 0 })
  rejected!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
