import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Applied reputation updates, keyed by (round, user, kind): inserting an entry that exists is a
 * no-op, so applying a decision twice changes nothing (DOMAIN C3).
 */
@Entity({ name: 'reputation_ledger' })
// The unfolded part of a voter's reputation, index-only: (user_id, locale) INCLUDE (agree,
// disagree) WHERE kind = 'voter' AND NOT folded, which the decorator cannot express (migration
// VoterReputationTotal).
@Index('IDX_reputation_ledger_voter_sum', { synchronize: false })
// A project's leaderboard in one locale, index-only: (project_id, locale) INCLUDE (user_id,
// accepted, agree, disagree) (migration LedgerProjectLocaleIndex).
@Index('IDX_reputation_ledger_project_locale', { synchronize: false })
@Check('CHK_reputation_ledger_kind', `"kind" IN ('voter', 'translator')`)
export class ReputationLedgerEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: 'voter' | 'translator';

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'text' })
  locale!: string;

  @Column({ type: 'double precision', default: 0 })
  agree!: number;

  @Column({ type: 'double precision', default: 0 })
  disagree!: number;

  @Column({ type: 'double precision', default: 0 })
  accepted!: number;

  @Column({ type: 'double precision', default: 0 })
  rejected!: number;

  /** Counted in voter_reputation_total (ReputationFolder); voter rows only. */
  @Column({ type: 'boolean', default: false })
  folded!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
