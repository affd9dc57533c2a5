import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationModule } from '../notification/notification.module';
import { VotingModule } from '../voting/voting.module';
import { ModerationActionService } from './moderation-action.service';
import { ModerationQueueService } from './moderation-queue.service';
import { ModerationResolver } from './moderation.resolver';
import { ReportService } from './report.service';

/** Reports, the moderation queue and project bans (issue 18 item 4). */
@Module({
  imports: [IdentityModule, AuditModule, VotingModule, NotificationModule],
  providers: [ReportService, ModerationQueueService, ModerationActionService, ModerationResolver],
})
export class ModerationModule {}
