import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IdentityModule } from '../identity/identity.module';
import { CandidateViewService } from './candidate-view.service';
import { StringScopeService } from './string-scope.service';
import { TranslatableStringService } from './translatable-string.service';

/**
 * The read side of translation and voting: strings of a locale, the volunteer queue, candidates
 * under blind voting, translation memory, progress and the leaderboard. The voting context's
 * mutations return these models through the exported services.
 */
@Module({
  imports: [CatalogueModule, IdentityModule],
  providers: [StringScopeService, CandidateViewService, TranslatableStringService],
  exports: [CandidateViewService, TranslatableStringService, StringScopeService],
})
export class TranslationModule {}
