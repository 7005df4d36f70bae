import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Module } from '@nestjs/common';
import { PlatformModule, configureHttp, loadConfig } from '@onedoor/platform';
import { ReferralsModule } from './referrals.module';

/** The referrals service booted alone, on the platform's embedded store. */
async function bootstrap() {
  const config = loadConfig();
  @Module({ imports: [PlatformModule.forRoot(config), ReferralsModule] })
  class ReferralsAppModule {}
  const app = await NestFactory.create<NestFastifyApplication>(ReferralsAppModule, new FastifyAdapter());
  configureHttp(app);
  await app.listen(config.PORT, config.HOST);
}
void bootstrap();
