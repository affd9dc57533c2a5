import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DELIVERY_QUEUE } from '../queue/jobs';
import { BundleRebuildProducer } from './bundle-rebuild.producer';

/** Bundle build, download with ETag, archive, webhooks. */
@Module({
  imports: [BullModule.registerQueue({ name: DELIVERY_QUEUE })],
  providers: [BundleRebuildProducer],
  exports: [BundleRebuildProducer],
})
export class DeliveryModule {}
