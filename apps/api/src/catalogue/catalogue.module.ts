import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { MembershipEntity } from '../identity/membership.entity';
import { LocaleResolver } from './locale.resolver';
import { LocaleService } from './locale.service';
import { ProjectEntity } from './project.entity';
import { ProjectResolver } from './project.resolver';
import { ProjectService } from './project.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ProjectEntity, MembershipEntity]),
    AuditModule,
    IdentityModule,
  ],
  providers: [ProjectService, ProjectResolver, LocaleService, LocaleResolver],
  exports: [ProjectService, LocaleService],
})
export class CatalogueModule {}
