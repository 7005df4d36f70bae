import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigurationError, OnedoorConfig, loadConfig } from './config/onedoor-config';
import { configureHttp, createHttpAdapter } from './http/configure-http';
import { installReadYourWrites } from './http/read-your-writes';
import { appLogger } from './logging/app-logger';
import { PlatformModule } from './platform.module';
import { EVENT_STORE } from './storage/tokens';
import type { EventStore } from '@onedoor/event-store';
import { ProjectionRunner } from '@onedoor/projections';

/** Boots one app's module alone on the platform's store: how each app in apps/ runs as its own service. */
export function bootAlone(appModule: (config: OnedoorConfig) => Type<unknown> | DynamicModule, beforeListen?: (app: NestFastifyApplication) => Promise<void>): void {
  (async () => {
    const config = loadConfig();
    @Module({ imports: [PlatformModule.forRoot(config), appModule(config)] })
    class StandaloneModule {}
    const app = await NestFactory.create<NestFastifyApplication>(StandaloneModule, createHttpAdapter(), { logger: appLogger(config) });
    configureHttp(app);
    // Other processes write to the same log: see what they committed before answering.
    installReadYourWrites(app.getHttpAdapter().getInstance(), app.get(ProjectionRunner), app.get<EventStore>(EVENT_STORE));
    await beforeListen?.(app);
    await app.listen(config.PORT, config.HOST);
  })().catch((error) => {
    console.error(error instanceof ConfigurationError ? error.message : error);
    process.exit(1);
  });
}
