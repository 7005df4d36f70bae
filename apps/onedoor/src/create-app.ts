import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { OnedoorConfig, configureHttp } from '@onedoor/platform';
import { OnedoorModule } from './onedoor.module';

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Builds the all-in-one app (not yet listening), configured exactly as production runs it. */
export async function createOnedoorApp(config: OnedoorConfig): Promise<NestFastifyApplication> {
  const logger = new ConsoleLogger({ json: config.LOG_FORMAT === 'json', logLevels: [...LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1)] });
  const app = await NestFactory.create<NestFastifyApplication>(OnedoorModule.forRoot(config), new FastifyAdapter({ bodyLimit: 1_048_576 }), { logger });
  configureHttp(app);
  await app.init();
  return app;
}
