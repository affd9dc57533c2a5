import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IdentityModule } from '../identity/identity.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [IdentityModule, CatalogueModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
