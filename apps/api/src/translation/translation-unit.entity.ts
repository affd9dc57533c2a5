import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LocaleEntity } from '../catalogue/locale.entity';
import { SourceStringEntity } from '../catalogue/source-string.entity';

/**
 * A source string in one target locale: the unit libs/voting decides. Every change to its
 * candidates, votes or rounds locks this row first (SELECT … FOR UPDATE), so decisions are
 * serialised per unit. It also carries the published winner: the primary key (string, locale)
 * makes two winners for one string and locale impossible.
 */
@Entity({ name: 'translation_unit' })
@Index(['stringId', 'localeId'], { unique: true })
@Index(['localeId', 'projectId'])
export class TranslationUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'string_id', type: 'uuid' })
  stringId!: string;

  @ManyToOne(() => SourceStringEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'string_id' })
  sourceString?: SourceStringEntity;

  @Column({ name: 'locale_id', type: 'uuid' })
  localeId!: string;

  @ManyToOne(() => LocaleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'locale_id' })
  locale?: LocaleEntity;

  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  @Column({ name: 'is_gold', type: 'boolean', default: false })
  isGold!: boolean;

  @Column({ name: 'current_round_id', type: 'uuid', nullable: true })
  currentRoundId!: string | null;

  @Column({ name: 'winner_translation_id', type: 'uuid', nullable: true })
  winnerTranslationId!: string | null;

  @Column({ name: 'winner_round_id', type: 'uuid', nullable: true })
  winnerRoundId!: string | null;

  /** Source hash the winner was decided for; differs from the string's when the winner is stale. */
  @Column({ name: 'winner_source_hash', type: 'text', nullable: true })
  winnerSourceHash!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
