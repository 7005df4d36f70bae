import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformModule, configureHttp, loadConfig } from '@onedoor/platform';
import { GatewayModule } from './gateway.module';

/** The gateway booted alone, on the platform's embedded store. */
async function bootstrap() {
  const config = loadConfig();
  @Module({ imports: [PlatformModule.forRoot(config), GatewayModule.forRoot({ devTokens: config.AUTH_MODE === 'dev' })] })
  class GatewayAppModule {}
  const app = await NestFactory.create<NestFastifyApplication>(GatewayAppModule, new FastifyAdapter());
  configureHttp(app);
  await app.listen(config.PORT, config.HOST);
}
void bootstrap();
