import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';
import { UserEntity } from '../identity/user.entity';
import { TranslationEntity } from '../translation/translation.entity';
import { AbuseFlagEntity } from '../voting/abuse-flag.entity';
import {
  REPORT_REASONS,
  REPORT_RESOLUTIONS,
  type ReportReason,
  type ReportResolution,
  type ReportTargetKind,
} from './report-kinds';

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(',');

/**
 * A report in a project's moderation queue: by a volunteer about a candidate or a user, or by the
 * abuse scan (reporter null, `abuse_flag_id` set). `target_key` (`candidate:<id>`, `user:<id>`)
 * keeps one open report per reporter and target; an action resolves every open report on it.
 */
@Entity({ name: 'moderation_report' })
@Index('UQ_moderation_report_open', ['projectId', 'reporterId', 'targetKey'], {
  unique: true,
  where: `"status" = 'open'`,
})
@Index('UQ_moderation_report_flag', ['abuseFlagId'], { unique: true })
@Index('IDX_moderation_report_queue', ['projectId', 'createdAt', 'id'], {
  where: `"status" = 'open'`,
})
@Check(
  'CHK_moderation_report_kind',
  `"target_kind" IN ('CANDIDATE','USER') AND ("target_kind" = 'CANDIDATE') = ("candidate_id" IS NOT NULL)`,
)
@Check('CHK_moderation_report_reason', `"reason" IN (${quoted(REPORT_REASONS)})`)
@Check(
  'CHK_moderation_report_status',
  `"status" IN ('open','resolved') AND ("status" = 'resolved') = ("resolution" IS NOT NULL)`,
)
@Check('CHK_moderation_report_resolution', `"resolution" IN (${quoted(REPORT_RESOLUTIONS)})`)
@Check('CHK_moderation_report_note', `char_length("note") <= 1000`)
@Check('CHK_moderation_report_system', `("reporter_id" IS NULL) = ("abuse_flag_id" IS NOT NULL)`)
export class ModerationReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_moderation_report' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_moderation_report_project' })
  project?: ProjectEntity;

  /** The locale whose managers handle it; null: project-wide (user reports without one, scan flags). */
  @Column({ type: 'text', nullable: true })
  locale!: string | null;

  @Column({ name: 'target_kind', type: 'text' })
  targetKind!: ReportTargetKind;

  @Column({ name: 'target_key', type: 'text' })
  targetKey!: string;

  @Column({ name: 'candidate_id', type: 'uuid', nullable: true })
  candidateId!: string | null;

  @ManyToOne(() => TranslationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'FK_moderation_report_candidate' })
  candidate?: TranslationEntity | null;

  /** The reported user, or the reported candidate's author. */
  @Column({ name: 'target_user_id', type: 'uuid' })
  targetUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'target_user_id',
    foreignKeyConstraintName: 'FK_moderation_report_target_user',
  })
  targetUser?: UserEntity;

  @Column({ name: 'reporter_id', type: 'uuid', nullable: true })
  reporterId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'FK_moderation_report_reporter' })
  reporter?: UserEntity | null;

  @Column({ name: 'abuse_flag_id', type: 'uuid', nullable: true })
  abuseFlagId!: string | null;

  @ManyToOne(() => AbuseFlagEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'abuse_flag_id',
    foreignKeyConstraintName: 'FK_moderation_report_abuse_flag',
  })
  abuseFlag?: AbuseFlagEntity | null;

  @Column({ type: 'text' })
  reason!: ReportReason;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'resolved';

  @Column({ type: 'text', nullable: true })
  resolution!: ReportResolution | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
