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
import { ProjectEntity } from '../catalogue/project.entity';
import { SourceStringEntity } from '../catalogue/source-string.entity';
import type { PartOfSpeech } from '@chorus/translation-core';

/**
 * A glossary term of a project, in the source language. Its translations are the candidates of
 * its source string (`string_id`, in the `$glossary` namespace): proposed, voted on and approved
 * like any string; the decided winner of a locale is the term's approved translation there.
 */
@Entity({ name: 'glossary_term' })
@Index('UQ_glossary_term_text', ['projectId', 'term'], { unique: true })
@Index('UQ_glossary_term_string', ['stringId'], { unique: true })
@Index('IDX_glossary_term_match_key', ['projectId', 'matchKey'])
@Check('CHK_glossary_term_text', `char_length("term") BETWEEN 1 AND 200`)
@Check('CHK_glossary_term_description', `char_length("description") <= 2000`)
@Check(
  'CHK_glossary_term_pos',
  `"part_of_speech" IN ('noun','verb','adjective','adverb','properNoun','other')`,
)
export class GlossaryTermEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_glossary_term' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_glossary_term_project' })
  project?: ProjectEntity;

  @Column({ name: 'string_id', type: 'uuid' })
  stringId!: string;

  @ManyToOne(() => SourceStringEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'string_id', foreignKeyConstraintName: 'FK_glossary_term_string' })
  string?: SourceStringEntity;

  @Column({ type: 'text' })
  term!: string;

  /**
   * translation-core's `glossaryTermKey(term)`, written with the term (which never changes): a text
   * can hold the term only if one of its words starts with this key. Null: looked for everywhere.
   */
  @Column({ name: 'match_key', type: 'text', nullable: true })
  matchKey!: string | null;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'part_of_speech', type: 'text', nullable: true })
  partOfSpeech!: PartOfSpeech | null;

  @Column({ name: 'case_sensitive', type: 'boolean', default: false })
  caseSensitive!: boolean;

  @Column({ name: 'do_not_translate', type: 'boolean', default: false })
  doNotTranslate!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
