import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './app/worker.module';
import { exitOnStartupError, loadConfigOrExit } from './bootstrap';
import { createLogger } from './common/logging/create-logger';
import { runMigrations } from './database/run-migrations';
import { prepareQueueBackend } from './queue/queue-connection';

/**
 * The worker process: BullMQ processors over the same modules as the API, no HTTP.
 * On SIGTERM Nest closes the workers, which finish their current job before exiting.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logFormat, 'Worker');
  Logger.overrideLogger(logger);
  await runMigrations(config.databaseUrl, new Logger('Migrations')).catch(
    exitOnStartupError('Database migration'),
  );
  await prepareQueueBackend(config).catch(exitOnStartupError('Queue backend'));
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger });
  app.enableShutdownHooks();
  logger.log(`Worker ${process.pid} processing jobs (queue backend ${config.queue.backend})`);
}

void bootstrap();
