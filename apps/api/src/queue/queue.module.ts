import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { MAINTENANCE_QUEUE } from './jobs';
import { MaintenanceProducer } from './maintenance.producer';
import { queueConnection } from './queue-connection';

/** Root BullMQ connection (Redis, or BullMQ's Postgres backend) and the queues' producers. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // The Postgres backend takes a pg config in the same option; BullMQ's types only describe Redis.
        connection: queueConnection(config) as never,
        prefix: config.queuePrefix,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: { age: 3_600, count: 1_000 },
          removeOnFail: { age: 7 * 24 * 3_600 },
        },
      }),
    }),
    BullModule.registerQueue({ name: MAINTENANCE_QUEUE }),
  ],
  providers: [MaintenanceProducer],
  exports: [MaintenanceProducer, BullModule],
})
export class QueueModule {}
