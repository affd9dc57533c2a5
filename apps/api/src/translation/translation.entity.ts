import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { TranslationUnitEntity } from './translation-unit.entity';

export type TranslationStatus = 'active' | 'withdrawn' | 'rejected' | 'outdated';
export type TranslationOrigin = 'community' | 'import' | 'manager';

/** A finding of translation-core's checks, stored with the candidate. */
export interface StoredFinding {
  code: string;
  severity: 'error' | 'warning';
  form: string;
  message: string;
}

/**
 * A candidate translation. Identical text (NFC) for the same unit is one candidate: a second
 * author's submission becomes an upvote. An author has at most one active candidate per unit.
 */
@Entity({ name: 'translation' })
@Index(['unitId', 'dedupeKey'], { unique: true })
@Index('UQ_translation_one_active_per_author', ['unitId', 'authorId'], {
  unique: true,
  where: `"status" = 'active' AND "origin" = 'community'`,
})
@Index(['authorId', 'createdAt'])
@Check('CHK_translation_status', `"status" IN ('active', 'withdrawn', 'rejected', 'outdated')`)
@Check('CHK_translation_origin', `"origin" IN ('community', 'import', 'manager')`)
export class TranslationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => TranslationUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: TranslationUnitEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** Source hash of the string when this candidate was written (C0). */
  @Column({ name: 'source_hash', type: 'text' })
  sourceHash!: string;

  /** category → text ({"": text} for simple strings); imports store it byte-exact, NFC is only in dedupe_key. */
  @Column({ type: 'jsonb' })
  forms!: Record<string, string>;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'text', default: 'active' })
  status!: TranslationStatus;

  @Column({ type: 'text', default: 'community' })
  origin!: TranslationOrigin;

  /** Check results from translation-core at submission. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  findings!: StoredFinding[];

  /** E-level finding codes: a non-empty list makes the candidate ineligible to win. */
  @Column({ name: 'blocking_errors', type: 'text', array: true, default: () => "'{}'" })
  blockingErrors!: string[];

  /** Set when a moderator hid it (it is rejected as well): shown to nobody but managers. */
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
