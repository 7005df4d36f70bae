import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformModule, configureHttp, loadConfig } from '@onedoor/platform';
import request from 'supertest';
import { DirectoryModule } from '../apps/directory/src/directory.module';
import { seededDemoDataDir } from './support/demo-data-dir';

/**
 * The directory service booted alone (as apps/directory/src/main.ts does) over a data directory the whole platform
 * wrote: it serves search and routing suggestions; with no insights service beside it, partners have no delivery
 * positions, and the suggestions say so instead of inventing them.
 */
describe('the directory service alone', () => {
  const demoDir = seededDemoDataDir();
  let app: NestFastifyApplication;
  let hub: string;

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: demoDir(), LOG_LEVEL: 'warn', SEED_DEMO: 'false' });
    @Module({ imports: [PlatformModule.forRoot(config), DirectoryModule] })
    class DirectoryAlone {}
    app = await NestFactory.create<NestFastifyApplication>(DirectoryAlone, new FastifyAdapter(), { logger: ['error'] });
    configureHttp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    hub = `Bearer ${app.get(JwtService).sign({ sub: 'staff-calder-hub', partnerId: 'calder-hub' })}`;
  });
  afterAll(() => app?.close());

  it('ranks routing suggestions without delivery positions, scoring every partner half marks on delivery, and says why', async () => {
    const res = await request(app.getHttpServer()).get('/people/demo-person-1/routing-suggestions?needs=employment').set('authorization', hub).expect(200);
    expect(res.body.suggestions.length).toBeGreaterThan(0);
    for (const s of res.body.suggestions) {
      expect({ serviceId: s.serviceId, delivery: s.delivery, deliveryPart: s.scoreParts.delivery }).toEqual({ serviceId: s.serviceId, delivery: null, deliveryPart: 5 });
      expect(s.reasons).toContain('no delivery target for accepted referrals');
    }
    expect(res.body.notes.join(' ')).toMatch(/Delivery targets are not available in this deployment/);
  });

  it('serves the Open Referral API from the same log', async () => {
    const res = await request(app.getHttpServer()).get('/openreferral/services?per_page=5').expect(200);
    expect(res.body.total_items).toBe(18);
  });
});
