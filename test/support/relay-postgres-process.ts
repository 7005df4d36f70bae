/**
 * apps/relay's process (PlatformModule + RelayModule, as apps/relay/src/main.ts boots it) with the event log in
 * PostgreSQL (EVENT_STORE=postgres, DATABASE_URL, DATABASE_SCHEMA) and the stand-in router on RELAY_TEST_TOPIC.
 * PlatformModule does not yet open PostgresEventStore by itself (branch pg-platform does), so this entry point
 * puts it in place of the SQLite store; the relay's ledger already follows EVENT_STORE. Once PlatformModule chooses
 * the store from the configuration, the override goes and relay-process.ts serves both.
 */
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { PostgresEventStore } from '@onedoor/event-store';
import { appLogger, configureHttp, EVENT_STORE, loadConfig, PlatformModule } from '@onedoor/platform';
import { RelayModule } from '../../apps/relay/src/relay.module';
import { RelayTestRouterModule } from './relay-test-router.module';

const topic = process.env.RELAY_TEST_TOPIC;
if (!topic) throw new Error('RELAY_TEST_TOPIC must be set');
const name = process.env.RELAY_TEST_NAME ?? String(process.pid);

(async () => {
  const config = loadConfig();
  if (config.EVENT_STORE !== 'postgres') throw new Error('EVENT_STORE must be postgres');
  const moduleRef = await Test.createTestingModule({ imports: [PlatformModule.forRoot(config), RelayModule.forRoot(config, RelayTestRouterModule.forRoot(topic, { relay: name }))] })
    .overrideProvider(EVENT_STORE)
    .useFactory({ factory: () => PostgresEventStore.open({ pool: { connectionString: config.DATABASE_URL }, schema: config.DATABASE_SCHEMA }) })
    .setLogger(appLogger(config))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app);
  await app.listen(config.PORT, config.HOST);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
