import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A voter's folded reputation in one locale: the sums of the ledger rows ReputationFolder has
 * flagged `folded` (migration VoterReputationTotal). Written by the folder alone; read through
 * voterReputationSql, which adds the rows not folded yet.
 */
@Entity({ name: 'voter_reputation_total' })
export class VoterReputationTotalEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_voter_reputation_total',
  })
  userId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_voter_reputation_total' })
  locale!: string;

  @Column({ type: 'double precision', default: 0 })
  agree!: number;

  @Column({ type: 'double precision', default: 0 })
  disagree!: number;

  @Column({ name: 'folded_rows', type: 'integer', default: 0 })
  foldedRows!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
