import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../identity/dto/user.model';
import { ReportReason, ReportResolution, ReportTarget } from './moderation-enums';

@ObjectType('ReportedCandidate', {
  description: 'The candidate a report is about, as managers see it.',
})
export class ReportedCandidateModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  stringId!: string;

  @Field(() => String, { description: 'The key as passed to t().' })
  key!: string;

  @Field(() => String, { description: "The candidate's text (plural forms joined by newlines)." })
  text!: string;

  @Field(() => Boolean)
  hidden!: boolean;

  @Field(() => String, { description: 'ACTIVE, REJECTED, WITHDRAWN or OUTDATED' })
  status!: string;
}

@ObjectType('ModerationReport')
export class ModerationReportModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'null: project-wide' })
  locale!: string | null;

  @Field(() => ReportTarget)
  target!: ReportTarget;

  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => String, { nullable: true, description: "The reporter's note (plain text)." })
  note!: string | null;

  @Field(() => UserModel, { nullable: true, description: 'null: filed by the abuse scan' })
  reporter!: UserModel | null;

  @Field(() => UserModel, { description: "The reported user, or the candidate's author" })
  targetUser!: UserModel;

  @Field(() => ReportedCandidateModel, { nullable: true })
  candidate!: ReportedCandidateModel | null;

  @Field(() => String, { nullable: true, description: "The abuse scan's pattern (system reports)" })
  abuseKind!: string | null;

  @Field(() => Int, { description: 'Open reports on the same target (this one included)' })
  openReportsOnTarget!: number;

  @Field(() => Boolean)
  open!: boolean;

  @Field(() => ReportResolution, { nullable: true })
  resolution!: ReportResolution | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('ModerationQueuePage')
export class ModerationQueuePageModel {
  @Field(() => [ModerationReportModel])
  items!: ModerationReportModel[];

  @Field(() => ID, {
    nullable: true,
    description: 'Pass as `after` for the next page; null on the last.',
  })
  nextCursor!: string | null;
}

@ObjectType('ProjectBan')
export class ProjectBanModel {
  @Field(() => ID)
  id!: string;

  @Field(() => UserModel)
  user!: UserModel;

  @Field(() => String)
  reason!: string;

  @Field(() => Date, { nullable: true, description: 'null: until lifted' })
  expiresAt!: Date | null;
}
