import { ConsoleLogger } from '@nestjs/common';
import type { OnedoorConfig } from '../config/onedoor-config';

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/** The process logger as configured (JSON lines by default, up to LOG_LEVEL): the same for every app, alone or together. */
export function appLogger(config: Pick<OnedoorConfig, 'LOG_FORMAT' | 'LOG_LEVEL'>): ConsoleLogger {
  return new ConsoleLogger({ json: config.LOG_FORMAT === 'json', logLevels: [...LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1)] });
}
