import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Module } from '@nestjs/common';
import { PlatformModule, configureHttp, loadConfig } from '@onedoor/platform';
import { DirectoryModule } from './directory.module';

/** The directory service booted alone, on the platform's embedded store. */
async function bootstrap() {
  const config = loadConfig();
  @Module({ imports: [PlatformModule.forRoot(config), DirectoryModule] })
  class DirectoryAppModule {}
  const app = await NestFactory.create<NestFastifyApplication>(DirectoryAppModule, new FastifyAdapter());
  configureHttp(app);
  await app.listen(config.PORT, config.HOST);
}
void bootstrap();
