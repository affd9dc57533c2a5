import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ACTION_REASON_MAX, BAN_DAYS_MAX, QUEUE_PAGE_MAX, REPORT_NOTE_MAX } from '../report-kinds';
import { ModerationAction, ReportReasonInput } from './moderation-enums';

// eslint-disable-next-line no-control-regex -- Postgres text cannot hold U+0000
const NO_NUL = /^[^\u0000]*$/;

@InputType()
export class ReportCandidateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'candidateId must be a candidate id' })
  candidateId!: string;

  @Field(() => ReportReasonInput)
  @IsEnum(ReportReasonInput)
  reason!: ReportReasonInput;

  @Field(() => String, { nullable: true, description: `At most ${REPORT_NOTE_MAX} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_NOTE_MAX, { message: `note must be at most ${REPORT_NOTE_MAX} characters` })
  @Matches(NO_NUL, { message: 'note must not contain a NUL character (U+0000)' })
  note?: string | null;
}

@InputType()
export class ReportUserInput {
  @Field(() => String, { description: 'Project slug' })
  @IsString()
  @Length(1, 63)
  project!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The locale where it happened: its managers handle the report (else the owners)',
  })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  locale?: string | null;

  @Field(() => ReportReasonInput)
  @IsEnum(ReportReasonInput)
  reason!: ReportReasonInput;

  @Field(() => String, { nullable: true, description: `At most ${REPORT_NOTE_MAX} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_NOTE_MAX, { message: `note must be at most ${REPORT_NOTE_MAX} characters` })
  @Matches(NO_NUL, { message: 'note must not contain a NUL character (U+0000)' })
  note?: string | null;
}

@InputType()
export class ModerateReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be a report id' })
  reportId!: string;

  @Field(() => ModerationAction)
  @IsEnum(ModerationAction)
  action!: ModerationAction;

  @Field(() => String, {
    description: `Why (1 to ${ACTION_REASON_MAX} characters): audited, and shown to a warned or banned user`,
  })
  @IsString()
  @Length(1, ACTION_REASON_MAX, {
    message: `reason must be 1 to ${ACTION_REASON_MAX} characters`,
  })
  @Matches(NO_NUL, { message: 'reason must not contain a NUL character (U+0000)' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: `BAN only: days, 1 to ${BAN_DAYS_MAX}` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'banDays must be at least 1' })
  @Max(BAN_DAYS_MAX, { message: `banDays must be at most ${BAN_DAYS_MAX}` })
  banDays?: number | null;
}

@ArgsType()
export class ModerationQueueArgs {
  @Field(() => String, { description: 'Project slug' })
  @IsString()
  @Length(1, 63)
  project!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "A locale: its reports and the project-wide ones; omit for every locale's (owners)",
  })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  locale?: string | null;

  @Field(() => ID, { nullable: true, description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID('all', { message: 'after must be a cursor from the previous page' })
  after?: string | null;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(QUEUE_PAGE_MAX)
  first!: number;
}

@ArgsType()
export class LiftBanArgs {
  @Field(() => String, { description: 'Project slug' })
  @IsString()
  @Length(1, 63)
  project!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;
}
