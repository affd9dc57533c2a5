import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { IdentityModule } from '../identity/identity.module';
import { MembershipEntity } from '../identity/membership.entity';
import { CATALOGUE_QUEUE } from '../queue/jobs';
import { CatalogueImportController } from './catalogue-import.controller';
import { CatalogueImportProducer } from './catalogue-import.producer';
import { CatalogueImportResolver } from './catalogue-import.resolver';
import { CatalogueImportApplier } from './catalogue-import.applier';
import { CatalogueImportService } from './catalogue-import.service';
import { ImportJobStatusService } from './import-job-status.service';
import { ImportUploadEntity } from './import-upload.entity';
import { ImportUploadPurgeService } from './import-upload-purge.service';
import { LocaleResolver } from './locale.resolver';
import { LocaleService } from './locale.service';
import { ProjectEntity } from './project.entity';
import { ProjectResolver } from './project.resolver';
import { ProjectService } from './project.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ProjectEntity, MembershipEntity, ImportUploadEntity]),
    BullModule.registerQueue({ name: CATALOGUE_QUEUE }),
    AuditModule,
    IdentityModule,
    DeliveryModule,
  ],
  controllers: [CatalogueImportController],
  providers: [
    ProjectService,
    ProjectResolver,
    LocaleService,
    LocaleResolver,
    CatalogueImportProducer,
    CatalogueImportService,
    CatalogueImportApplier,
    ImportJobStatusService,
    CatalogueImportResolver,
    ImportUploadPurgeService,
  ],
  exports: [
    ProjectService,
    LocaleService,
    CatalogueImportService,
    CatalogueImportProducer,
    ImportUploadPurgeService,
  ],
})
export class CatalogueModule {}
