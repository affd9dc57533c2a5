import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { BundleRebuildProducer } from '../delivery/bundle-rebuild.producer';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationModule } from '../notification/notification.module';
import { TranslationModule } from '../translation/translation.module';
import { VOTING_QUEUE } from '../queue/jobs';
import { AbuseFlagDismissService } from './abuse-flag-dismiss.service';
import { AbuseService } from './abuse.service';
import { AdminQueryService } from './admin-query.service';
import { AdminResolver } from './admin.resolver';
import { LIVE_EVENTS } from './live-events';
import { LiveEventsService } from './live-events.service';
import { DecisionNotifier } from './decision-notifier';
import { NeedsDecisionNotifier } from './needs-decision-notifier';
import { NeedsDecisionQueryService } from './needs-decision-query.service';
import { NeedsDecisionResolver } from './needs-decision.resolver';
import { RoundSchedulerProducer } from './round-scheduler.producer';
import { UnitStateRepository } from './unit-state.repository';
import { VotePool } from './vote-pool';
import { VoteStatement } from './vote-statement';
import { VotingQueryService } from './voting-query.service';
import { VotingResolver } from './voting.resolver';
import { CommunityService } from './community.service';
import { AfterCommit, BUNDLE_REBUILD } from './after-commit';
import { VotingService } from './voting.service';
import { RoundCloseService } from './round-close.service';

/** Candidates, votes, rounds and reputation: the write side, run through libs/voting. */
@Module({
  imports: [
    BullModule.registerQueue({ name: VOTING_QUEUE }),
    IdentityModule,
    AuditModule,
    DeliveryModule,
    CatalogueModule,
    TranslationModule,
    NotificationModule,
  ],
  providers: [
    UnitStateRepository,
    VoteStatement,
    VotePool,
    RoundSchedulerProducer,
    CommunityService,
    NeedsDecisionNotifier,
    DecisionNotifier,
    AfterCommit,
    VotingService,
    RoundCloseService,
    AbuseService,
    AdminQueryService,
    AbuseFlagDismissService,
    AdminResolver,
    VotingQueryService,
    VotingResolver,
    NeedsDecisionQueryService,
    NeedsDecisionResolver,
    LiveEventsService,
    { provide: LIVE_EVENTS, useExisting: LiveEventsService },
    { provide: BUNDLE_REBUILD, useExisting: BundleRebuildProducer },
  ],
  exports: [
    VotingService,
    RoundCloseService,
    AbuseService,
    AbuseFlagDismissService,
    RoundSchedulerProducer,
    LIVE_EVENTS,
  ],
})
export class VotingModule {}
