import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { TranslationModule } from '../translation/translation.module';
import { CommunityResolver } from './community.resolver';
import { ContributorsController } from './contributors.controller';
import { ContributorsService } from './contributors.service';
import { DirectoryService } from './directory.service';
import { GoalService } from './goal.service';
import { InviteResolver } from './invite.resolver';
import { InviteService } from './invite.service';
import { MyWorkService } from './my-work.service';
import { OpenProjectResolver } from './open-project.resolver';
import { OpenProjectService } from './open-project.service';

/**
 * The open call (issue 18): open projects and joining, invite links, the volunteers' directory and
 * personal page, per-locale goals and contributor credits.
 */
@Module({
  imports: [AuditModule, IdentityModule, TranslationModule],
  controllers: [ContributorsController],
  providers: [
    OpenProjectService,
    InviteService,
    GoalService,
    DirectoryService,
    MyWorkService,
    ContributorsService,
    OpenProjectResolver,
    InviteResolver,
    CommunityResolver,
  ],
  exports: [OpenProjectService],
})
export class CommunityModule {}
