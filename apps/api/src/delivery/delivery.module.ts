import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { DELIVERY_QUEUE } from '../queue/jobs';
import { BundleBuildService } from './bundle-build.service';
import { BundleController } from './bundle.controller';
import { BundleEntity } from './bundle.entity';
import { BundleReadService } from './bundle-read.service';
import { BundleRequestEntity } from './bundle-request.entity';
import { BundleThread } from './bundle-thread';
import { BundleRebuildProducer } from './bundle-rebuild.producer';
import { BundleSetEntity } from './bundle-set.entity';
import { BundleVersionEntity } from './bundle-version.entity';
import { WebhookEntity } from './webhook.entity';
import { WebhookResolver } from './webhook.resolver';
import { WebhookService } from './webhook.service';

/** Bundle build, download with ETag, archive, webhooks. The processor is in worker.module.ts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      BundleEntity,
      BundleVersionEntity,
      BundleSetEntity,
      BundleRequestEntity,
      WebhookEntity,
    ]),
    BullModule.registerQueue({ name: DELIVERY_QUEUE }),
    AuditModule,
    IdentityModule,
  ],
  controllers: [BundleController],
  providers: [
    BundleRebuildProducer,
    BundleBuildService,
    BundleThread,
    BundleReadService,
    WebhookService,
    WebhookResolver,
  ],
  exports: [BundleRebuildProducer, BundleBuildService, WebhookService],
})
export class DeliveryModule {}
