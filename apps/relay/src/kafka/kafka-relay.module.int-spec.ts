import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import type { EventStore } from '@onedoor/event-store';
import { configureHttp, EVENT_STORE, loadConfig, PlatformModule } from '@onedoor/platform';
import { kafkaBroker } from '../../../../test/support/kafka-broker';
import { appendReferralEvents } from '../../../../test/support/relay-test-events';
import { RelayTestRouterModule } from '../../../../test/support/relay-test-router.module';
import { RelayModule } from '../relay.module';
import { KafkaRelay } from './kafka-relay';

jest.setTimeout(120_000);

/** The relay module on the platform, as apps/relay/src/main.ts composes it, over HTTP. */
describe('RelayModule: GET /health/relay (real broker, real SQLite)', () => {
  const broker = kafkaBroker(9092);
  let dataDir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    await broker.start();
  });
  afterEach(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let topic: string;

  async function startApp(env: Record<string, string> = {}): Promise<NestFastifyApplication> {
    dataDir = mkdtempSync(join(tmpdir(), 'relay-module-'));
    topic = `relay-module-${randomUUID()}`;
    const config = loadConfig({ DATA_DIR: dataDir, RELAY_LEASE_TTL_MS: '1000', ...env });
    @Module({ imports: [PlatformModule.forRoot(config), RelayModule.forRoot(config, RelayTestRouterModule.forRoot(topic))] })
    class RelayAppModule {}
    app = await NestFactory.create<NestFastifyApplication>(RelayAppModule, new FastifyAdapter(), { logger: ['error'] });
    configureHttp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  }

  it('answers leader, checkpoint and lag once the relay caught up with the log', async () => {
    await startApp({ KAFKA_BROKERS: broker.address });
    await appendReferralEvents(app.get<EventStore>(EVENT_STORE), 30, 3);
    await app.get(KafkaRelay).waitForCheckpoint(30);
    const response = await request(app.getHttpServer()).get('/health/relay').expect(200);
    expect(response.body).toMatchObject({ role: 'leader', checkpoint: 30, headPosition: 30, lag: 0, brokerReachable: true });
    expect(response.body.leaseHolder).toBe(response.body.instanceId);
    // The broker creates no topic by itself (auto.create.topics.enable=false): the relay made this one.
    const admin = new Kafka({ clientId: 'relay-module-test', brokers: [broker.address], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    await admin.disconnect();
    expect(metadata.partitions).toHaveLength(3);
  });

  it('answers 503 while the leader cannot reach the broker, with the lag growing', async () => {
    // Nothing listens on port 1: every send fails, and the relay keeps retrying.
    await startApp({ KAFKA_BROKERS: '127.0.0.1:1' });
    await appendReferralEvents(app.get<EventStore>(EVENT_STORE), 5, 1);
    let response: request.Response;
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      response = await request(app.getHttpServer()).get('/health/relay');
    } while (response.status === 200);
    expect(response.status).toBe(503);
    expect(response.body.message).toBe('the Kafka relay is not reaching the broker');
    expect(response.body.details).toMatchObject({ role: 'leader', brokerReachable: false, checkpoint: 0, lag: 5 });
  });
});
