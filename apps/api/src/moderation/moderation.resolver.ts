import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import type { Principal } from '../common/auth/request-context';
import { READ_BUDGET } from '../common/rate-limit/read-budget';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import {
  LiftBanArgs,
  ModerateReportInput,
  ModerationQueueArgs,
  ReportCandidateInput,
  ReportUserInput,
} from './dto/moderation.args';
import { ModerationQueuePageModel, ModerationReportModel } from './dto/moderation-report.model';
import { ModerationActionService } from './moderation-action.service';
import { ModerationQueueService } from './moderation-queue.service';
import { ReportService } from './report.service';

@Resolver()
export class ModerationResolver {
  constructor(
    private readonly reports: ReportService,
    private readonly queues: ModerationQueueService,
    private readonly actions: ModerationActionService,
  ) {}

  @Mutation(() => ModerationReportModel, {
    description:
      "Report a candidate (wrong, offensive, spam, machine-translated, other) to its locale's managers. One open report per candidate and reporter; rate-limited.",
  })
  @RateLimited('reportsPerUser', 'reportsPerIp')
  async reportCandidate(
    @Args('input') input: ReportCandidateInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModerationReportModel> {
    const id = await this.reports.reportCandidate(principal.userId, input.candidateId, {
      reason: input.reason,
      note: input.note ?? null,
    });
    return this.queues.one(id);
  }

  @Mutation(() => ModerationReportModel, {
    description:
      "Report a user of a project (someone who joined or translated there) to the locale's managers, or to the owners without a locale. Rate-limited.",
  })
  @RateLimited('reportsPerUser', 'reportsPerIp')
  async reportUser(
    @Args('input') input: ReportUserInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModerationReportModel> {
    const id = await this.reports.reportUser(
      principal.userId,
      input.project,
      input.userId,
      input.locale ?? null,
      { reason: input.reason, note: input.note ?? null },
    );
    return this.queues.one(id);
  }

  @RateLimited('reads')
  @Query(() => ModerationQueuePageModel, {
    description: `Managers: open reports of a locale (owners: omit the locale for every report, project-wide ones included), oldest first. ${READ_BUDGET}`,
  })
  moderationQueue(
    @Args() args: ModerationQueueArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModerationQueuePageModel> {
    return this.queues.queue(
      principal.userId,
      args.project,
      args.locale ?? null,
      args.after ?? null,
      args.first,
    );
  }

  @RateLimited('writes')
  @Mutation(() => ModerationReportModel, {
    description:
      'Managers: act on a report. Resolves every open report on the same target, is audited, and notifies the reporters.',
  })
  async moderateReport(
    @Args('input') input: ModerateReportInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModerationReportModel> {
    const id = await this.actions.moderate(
      principal.userId,
      {
        reportId: input.reportId,
        action: input.action,
        reason: input.reason,
        banDays: input.banDays ?? null,
      },
      Date.now(),
    );
    return this.queues.one(id);
  }

  @RateLimited('writes')
  @Mutation(() => Boolean, { description: 'Owners: end a project ban before it expires.' })
  liftProjectBan(
    @Args() args: LiftBanArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    return this.actions.liftBan(principal.userId, args.project, args.userId, Date.now());
  }
}
