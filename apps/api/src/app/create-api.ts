import type { NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/env.schema';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';
import { TimedExpressAdapter } from './http-server';

/**
 * The HTTP API as main.ts runs it and the tests start it: Nest on a server with the configured
 * timeouts (TimedExpressAdapter), with its middleware and security settings (configureApi). Not
 * listening yet.
 */
export async function createApi(
  config: AppConfig,
  options: NestApplicationOptions,
): Promise<{ app: NestExpressApplication; servesWeb: boolean }> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.register(config),
    new TimedExpressAdapter(config.http),
    options,
  );
  return { app, ...configureApi(app, config) };
}
