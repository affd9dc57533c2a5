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
import { NamespaceEntity } from './namespace.entity';

export type SourceStringKind = 'simple' | 'plural' | 'ordinal' | 'array-element';

/**
 * One logical source string = one translation-core unit of a namespace. Plural keys are ONE row
 * whose forms hold every category. A re-import that drops the key retires it (removed_at);
 * rows are never deleted, so translations are never lost.
 */
@Entity({ name: 'source_string' })
@Index(['namespaceId', 'unitKey'], { unique: true })
// The work queue's order (nextString): with id last, the pick stops at the first free string.
@Index('IDX_source_string_project_position_id', ['projectId', 'position', 'id'])
// GIN trigram index (pg_trgm) of (project, source text), for translation memory: written by hand in
// the migration SourceTextTrigramByProject (btree_gin); the schema builder leaves it alone.
@Index('IDX_source_string_project_text_trgm', { synchronize: false })
// The same for (project, key), so the list's search (key or text) is served by indexes
// (migration SourceKeyTrigramByProject).
@Index('IDX_source_string_project_key_trgm', { synchronize: false })
export class SourceStringEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'namespace_id', type: 'uuid' })
  namespaceId!: string;

  @ManyToOne(() => NamespaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'namespace_id' })
  namespace?: NamespaceEntity;

  /** translation-core unitId: kind tag + key (`p:items`), unique within the namespace. */
  @Column({ name: 'unit_key', type: 'text' })
  unitKey!: string;

  /** The key as passed to t() (the base key for plurals). */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  kind!: SourceStringKind;

  /** Key path segments (strings, or numbers for array indices). */
  @Column({ type: 'jsonb' })
  path!: (string | number)[];

  /** `{ base, value }` when the key is a context variant of another key. */
  @Column({ type: 'jsonb', nullable: true })
  context!: { base: string; value: string } | null;

  /** category → text ({"": text} for simple strings). */
  @Column({ type: 'jsonb' })
  forms!: Record<string, string>;

  /** All forms joined, for search and translation-memory similarity (pg_trgm). */
  @Column({ name: 'source_text', type: 'text' })
  sourceText!: string;

  /** SHA-256 of the canonical forms (DOMAIN C0); a change outdates candidates. */
  @Column({ name: 'source_hash', type: 'text' })
  sourceHash!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'max_length', type: 'integer', nullable: true })
  maxLength!: number | null;

  /** Order in the catalogue file. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
