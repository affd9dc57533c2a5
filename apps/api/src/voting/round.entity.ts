import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TranslationUnitEntity } from '../translation/translation-unit.entity';

export type RoundStateColumn = 'OPEN' | 'COLLECTING' | 'CLOSING' | 'DECIDED' | 'UNDECIDED';

/**
 * A voting round of one unit (DOMAIN C1). At most one round per unit is not final; the close job
 * updates it guarded by its state, so a repeated job decides once.
 */
@Entity({ name: 'round' })
@Index(['unitId', 'number'], { unique: true })
@Index('UQ_round_one_live_per_unit', ['unitId'], {
  unique: true,
  where: `"state" IN ('OPEN', 'COLLECTING', 'CLOSING')`,
})
// Close batches claim due rounds and the sweep finds overdue ones here: live rounds only.
@Index('IDX_round_due', ['deadline'], { where: `"state" IN ('COLLECTING', 'CLOSING')` })
// Close jobs and the sweep look for undecided rounds that were touched (their cooldown re-opens them).
@Index('IDX_round_dirty_undecided', ['closedAt'], { where: `"state" = 'UNDECIDED' AND "dirty"` })
// The language managers' queue (needsDecision): rounds extended for lack of a decision, and rounds
// that closed undecided. Without it each page read every unit of the locale (~200 ms at 25k strings).
@Index('IDX_round_needs_decision', ['id'], {
  where: `("state" = 'COLLECTING' AND "extensions_used" > 0) OR ("state" = 'UNDECIDED' AND NOT "decided_early")`,
})
@Check('CHK_round_state', `"state" IN ('OPEN', 'COLLECTING', 'CLOSING', 'DECIDED', 'UNDECIDED')`)
@Check('CHK_round_winner', `("state" = 'DECIDED') = ("winner_id" IS NOT NULL)`)
export class RoundEntity {
  /** Chosen by the API when the round opens (libs/voting takes ids from the caller). */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => TranslationUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: TranslationUnitEntity;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'source_hash', type: 'text' })
  sourceHash!: string;

  @Column({ type: 'text' })
  state!: RoundStateColumn;

  /** Voting parameters snapshotted when the round opened. */
  @Column({ type: 'jsonb' })
  params!: Record<string, number>;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'collecting_since', type: 'timestamptz', nullable: true })
  collectingSince!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ name: 'extensions_used', type: 'integer', default: 0 })
  extensionsUsed!: number;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'winner_id', type: 'uuid', nullable: true })
  winnerId!: string | null;

  /** Reason codes of the outcome (empty while running or when decided on the numbers). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reasons!: string[];

  @Column({ name: 'decided_early', type: 'boolean', default: false })
  decidedEarly!: boolean;

  @Column({ name: 'approved_candidate_id', type: 'uuid', nullable: true })
  approvedCandidateId!: string | null;

  @Column({ name: 'rejected_candidate_ids', type: 'uuid', array: true, default: () => "'{}'" })
  rejectedCandidateIds!: string[];

  @Column({ type: 'boolean', default: false })
  dirty!: boolean;

  /** The evidence: every candidate's weighted tallies, score, bounds and reason codes ("why this won"). */
  @Column({ type: 'jsonb', nullable: true })
  decision!: Record<string, unknown> | null;
}
