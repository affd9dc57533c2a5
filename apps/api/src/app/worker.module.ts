import { type DynamicModule, Module } from '@nestjs/common';
import { CatalogueImportProcessor } from '../catalogue/catalogue-import.processor';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { DatabaseModule } from '../database/database.module';
import { NotificationDigestModule } from '../notification/digest.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { DeliveryProcessor } from '../delivery/delivery.processor';
import { PingProcessor } from '../queue/ping.processor';
import { QueueModule } from '../queue/queue.module';
import { ReputationFolder } from '../voting/reputation-folder';
import { RoundCloserWorker } from '../voting/round-closer.worker';
import { VotingModule } from '../voting/voting.module';

/** The worker process: the same modules, plus the queue processors; no HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule,
        CatalogueModule,
        VotingModule,
        DeliveryModule,
        ...(config.email === null ? [] : [NotificationDigestModule]),
      ],
      providers: [
        PingProcessor,
        RoundCloserWorker,
        ReputationFolder,
        DeliveryProcessor,
        CatalogueImportProcessor,
      ],
    };
  }
}
