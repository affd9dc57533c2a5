import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IdentityModule } from '../identity/identity.module';
import { ScreenshotModule } from '../screenshot/screenshot.module';
import { AggregateLoads } from './aggregate-loads';
import { MemoryLookups } from './memory-lookups';
import { CandidateViewService } from './candidate-view.service';
import { LocaleCountsService } from './locale-counts.service';
import { ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';
import { StringListService } from './string-list.service';
import { StringQueueService } from './string-queue.service';
import { GenericPlanPool } from '../database/generic-plan-pool';
import { StringScopeService } from './string-scope.service';
import { TranslatableStringService } from './translatable-string.service';
import { TranslationMemoryService } from './translation-memory.service';
import { DecisionResolver } from './decision.resolver';
import { TranslationResolver } from './translation.resolver';

/**
 * The read side of translation and voting: strings of a locale, the volunteer queue, candidates
 * under blind voting, translation memory, progress (LocaleCountsService, also for the community's
 * goals and directory) and the leaderboard. The voting context's
 * mutations return these models through the exported services.
 */
@Module({
  imports: [CatalogueModule, IdentityModule, ScreenshotModule],
  providers: [
    StringScopeService,
    CandidateViewService,
    TranslatableStringService,
    StringListService,
    StringQueueService,
    GenericPlanPool,
    TranslationMemoryService,
    AggregateLoads,
    MemoryLookups,
    LocaleCountsService,
    ProgressService,
    TranslationResolver,
    DecisionResolver,
    ProgressResolver,
  ],
  exports: [
    GenericPlanPool,
    CandidateViewService,
    TranslatableStringService,
    StringScopeService,
    LocaleCountsService,
  ],
})
export class TranslationModule {}
