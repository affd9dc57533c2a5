import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IdentityModule } from '../identity/identity.module';
import { GlossaryExchangeService } from './glossary-exchange.service';
import { GlossaryResolver } from './glossary.resolver';
import { GlossaryService } from './glossary.service';

/** The project glossary (issue 19 item 1): terms, approved translations, hits, import/export. */
@Module({
  imports: [IdentityModule, AuditModule, CatalogueModule],
  providers: [GlossaryService, GlossaryExchangeService, GlossaryResolver],
  exports: [GlossaryService],
})
export class GlossaryModule {}
