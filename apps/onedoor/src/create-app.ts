import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OnedoorConfig, appLogger, configureHttp, createHttpAdapter } from '@onedoor/platform';
import { serveConsole } from '../../gateway/src/console/serve-console';
import { OnedoorModule } from './onedoor.module';

/** Builds the all-in-one app (not yet listening), configured exactly as production runs it. */
export async function createOnedoorApp(config: OnedoorConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(OnedoorModule.forRoot(config), createHttpAdapter(), { logger: appLogger(config) });
  configureHttp(app);
  await serveConsole(app);
  await app.init();
  return app;
}
