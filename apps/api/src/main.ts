import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApi } from './app/create-api';
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

  const { app, servesWeb } = await createApi(config, { logger, bufferLogs: true });
  if (config.seedDemo) await app.get(DemoSeedService).seed();
  await app
    .listen(config.port, config.host)
    .catch(exitOnStartupError(`Listening on port ${config.port}`));
  logger.log(
    `API listening on http://localhost:${config.port}/graphql${servesWeb ? ' (web client on /)' : ''}`,
  );
}

void bootstrap();
