import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './app/api.module';
import { configureApi } from './app/configure-api';
import { TimedExpressAdapter } from './app/http-server';
import { exitOnStartupError, loadConfigOrExit } from './bootstrap';
import { redact } from './config/env.schema';
import { createLogger } from './common/logging/create-logger';
import { runMigrations } from './database/run-migrations';
import { DemoSeedService } from './demo/demo-seed.service';
import { prepareQueueBackend } from './queue/queue-connection';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logFormat, 'Api');
  Logger.overrideLogger(logger);
  logger.log(`Database ${redact(config.databaseUrl)}; queue backend ${config.queue.backend}`);

  await runMigrations(config.databaseUrl, new Logger('Migrations')).catch(
    exitOnStartupError('Database migration'),
  );
  await prepareQueueBackend(config).catch(exitOnStartupError('Queue backend'));

  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.register(config),
    new TimedExpressAdapter(config.http),
    {
      logger,
      bufferLogs: true,
    },
  );
  const { servesWeb } = configureApi(app, config);
  if (config.seedDemo) await app.get(DemoSeedService).seed();
  await app
    .listen(config.port, config.host)
    .catch(exitOnStartupError(`Listening on port ${config.port}`));
  logger.log(
    `API listening on http://localhost:${config.port}/graphql${servesWeb ? ' (web client on /)' : ''}`,
  );
}

void bootstrap();
