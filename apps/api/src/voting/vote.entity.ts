import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { TranslationEntity } from '../translation/translation.entity';

/** One voter's opinion of one candidate (UNIQUE); re-voting replaces the value. */
@Entity({ name: 'vote' })
@Index(['translationId', 'voterId'], { unique: true })
@Index(['unitId'])
@Index(['voterId', 'castAt'])
@Check('CHK_vote_value', `"value" IN (-1, 1)`)
@Check('CHK_vote_weight', `"weight" >= 0 AND "weight" <= 1`)
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'translation_id', type: 'uuid' })
  translationId!: string;

  @ManyToOne(() => TranslationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'translation_id' })
  translation?: TranslationEntity;

  /** The translation's unit, denormalised so a unit's votes load with one index scan. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'voter_id', type: 'uuid' })
  voterId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'voter_id' })
  voter?: UserEntity;

  @Column({ type: 'smallint' })
  value!: number;

  /** Weight snapshotted at cast (DOMAIN C2). */
  @Column({ type: 'double precision' })
  weight!: number;

  @Column({ name: 'cast_at', type: 'timestamptz' })
  castAt!: Date;
}
