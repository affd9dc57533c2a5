import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CommunityModule } from '../community/community.module';
import { IdentityModule } from '../identity/identity.module';
import { VotingModule } from '../voting/voting.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [IdentityModule, CatalogueModule, VotingModule, CommunityModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
