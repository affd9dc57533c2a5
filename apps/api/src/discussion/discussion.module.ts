import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationModule } from '../notification/notification.module';
import { TranslationModule } from '../translation/translation.module';
import { DiscussionAccess } from './discussion-access';
import { DiscussionQueryService } from './discussion-query.service';
import { DiscussionResolver } from './discussion.resolver';
import { DiscussionService } from './discussion.service';
import { SourceIssuesController } from './source-issues.controller';

/** Discussion on strings: threads, comments, official answers and source issues (issue 18). */
@Module({
  imports: [IdentityModule, AuditModule, CatalogueModule, TranslationModule, NotificationModule],
  controllers: [SourceIssuesController],
  providers: [DiscussionAccess, DiscussionService, DiscussionQueryService, DiscussionResolver],
})
export class DiscussionModule {}
