import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MembershipEntity } from '../identity/membership.entity';
import { ProjectEntity } from './project.entity';
import { ProjectResolver } from './project.resolver';
import { ProjectService } from './project.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity, MembershipEntity]), AuditModule],
  providers: [ProjectService, ProjectResolver],
  exports: [ProjectService],
})
export class CatalogueModule {}
