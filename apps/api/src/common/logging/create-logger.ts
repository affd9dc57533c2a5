import { ConsoleLogger, type LoggerService } from '@nestjs/common';
import type { LogFormat } from '../../config/env.schema';

/** Nest's own logger: one JSON object per line in production, coloured lines in development. */
export function createLogger(format: LogFormat, context: string): LoggerService {
  return new ConsoleLogger(
    context,
    format === 'json' ? { json: true, colors: false } : { timestamp: true },
  );
}
