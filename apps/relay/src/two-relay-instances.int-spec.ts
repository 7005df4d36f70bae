import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, RecordedEvent } from '@onedoor/event-store';
import { PostgresEventStore, SqliteEventStore } from '@onedoor/event-store';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { PartnerStreamRouter } from '@onedoor/messaging';
import { referralJourney } from '@onedoor/messaging/testing/referral-journey';
import { HealthRegistry, loadConfig, OnedoorConfig } from '@onedoor/platform';
import type { PersonalDataVault } from '@onedoor/personal-data';
import { WebhookSecretBox, type WebhookStore } from '@onedoor/relay-stores';
import { eventually, WebhookReceiver } from '../../../test/support/webhook-receiver';
import { openPartnerFeedStore } from './feed/open-partner-feed-store';
import { PartnerFeed } from './feed/partner-feed';
import { SqliteCheckpointStore } from '@onedoor/projections';
import { openWebhookStore } from './webhooks/open-webhook-store';
import { WebhookDelivery } from './webhooks/webhook-delivery';

jest.setTimeout(120_000);

/** One relay/API instance as the modules build it: its own event store connection, feed projection and webhook delivery. */
interface Instance {
  events: EventStore;
  feed: PartnerFeed;
  webhooks: WebhookStore;
  delivery: WebhookDelivery;
}

const { host, port, user, database } = testDatabaseConfig();
const databaseUrl = `postgres://${user}@${host}:${port}/${database}`;
const SECRETS_KEY = randomBytes(32).toString('base64');

/**
 * Two instances of the pull feed and webhook delivery sharing one store — the SQLite files of one data directory,
 * or one PostgreSQL schema — while the log grows under them: the feed keeps each message once, in log order, and
 * the partner's webhook receives each message once, in order, not once per instance.
 */
describe.each(['sqlite', 'postgres'] as const)('two relay instances over one %s store', (kind) => {
  let dir: string;
  let schema: string;
  let config: OnedoorConfig;
  let log: RecordedEvent[];
  let vault: PersonalDataVault;
  let receiver: WebhookReceiver;
  const instances: Instance[] = [];

  beforeAll(() => Logger.overrideLogger(['error']));
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'two-relays-'));
    schema = freshSchemaName();
    config = configIn(dir);
    const journey = await referralJourney();
    log = await journey.store.readAll(0, 10_000);
    vault = journey.vault;
    receiver = await new WebhookReceiver().start();
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) {
      await instance.delivery.onModuleDestroy();
      await instance.feed.onModuleDestroy();
      await instance.webhooks.close();
      await instance.events.close();
    }
    await receiver.stop();
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * On PostgreSQL each instance has a data directory of its own (nothing shared through files) and the shared
   * WEBHOOK_SECRETS_KEY; on SQLite they share the data directory, key file included.
   */
  const configIn = (dataDir: string) =>
    loadConfig({
      CONSORTIUM_ID: 'c1', DATA_DIR: dataDir, EVENT_STORE: kind, READ_MODEL_CHECKPOINTS: 'false', DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, WEBHOOK_RETRY_BASE_MS: '100',
      ...(kind === 'postgres' ? { WEBHOOK_SECRETS_KEY: SECRETS_KEY } : {}),
    });
  const instanceConfig = () => (kind === 'postgres' ? configIn(mkdtempSync(join(dir, 'instance-'))) : config);

  const openEvents = (): Promise<EventStore> =>
    kind === 'postgres' ? PostgresEventStore.open({ pool: testDatabaseConfig(), schema, pollIntervalMs: 200 }) : SqliteEventStore.open({ file: join(dir, 'events.sqlite') });

  /** Builds an instance the way PartnerFeedModule and WebhooksModule do, and starts it. */
  const start = async (): Promise<Instance> => {
    const own = instanceConfig();
    const events = await openEvents();
    // Checkpoints off: both instances route the whole log, the race this test is about.
    const feed = new PartnerFeed(events, own, new PartnerStreamRouter({ consortiumId: 'c1', vault }), vault, new HealthRegistry(), new SqliteCheckpointStore(join(own.DATA_DIR, 'read-models.sqlite')));
    const webhooks = await openWebhookStore(own);
    const delivery = new WebhookDelivery(webhooks, WebhookSecretBox.fromConfig(own), feed, own);
    const instance = { events, feed, webhooks, delivery };
    instances.push(instance);
    await feed.onModuleInit();
    delivery.onApplicationBootstrap();
    return instance;
  };

  /** Appends recorded events again, one at a time, so they keep their positions in a fresh log. */
  const copy = async (store: EventStore, events: RecordedEvent[]) => {
    for (const { stream, id, type, schemaVersion, data, metadata } of events) await store.append(stream, [{ id, type, schemaVersion, data, metadata }], 'any');
  };

  /** What one router makes of the whole log for `partnerId`: the feed must hold exactly this, in this order. */
  const expectedFor = (partnerId: string) => {
    const router = new PartnerStreamRouter({ consortiumId: 'c1', vault });
    return log.flatMap((event) => router.route(event)).filter((m) => m.partnerId === partnerId).map((m) => ({ position: m.position, topic: m.topic, type: m.headers.ce_type }));
  };

  it('stores each feed message once and delivers each to the webhook once, in log order', async () => {
    const half = Math.floor(log.length / 2);
    const writer = await openEvents();
    try {
      await copy(writer, log.slice(0, half));
      // A webhook for `jobs` from the beginning of its feed, registered before either instance starts.
      const registry = await openWebhookStore(config);
      await registry.add({ webhookId: 'w-jobs', partnerId: 'jobs', url: receiver.url, sealedSecret: WebhookSecretBox.fromConfig(instanceConfig()).seal('s'.repeat(8) + 'abcdefghijklmnopqrstuvwxyz'), createdAt: '2026-03-01T09:00:00.000Z', cursor: 0 });
      await registry.close();

      // Both catch up at once over the same events, then both take the rest live.
      const [a, b] = await Promise.all([start(), start()]);
      await copy(writer, log.slice(half));
      const head = await writer.headPosition();
      await Promise.all([a.feed.caughtUp(head, 30_000), b.feed.caughtUp(head, 30_000)]);
      expect([a.feed.position, b.feed.position]).toEqual([head, head]);

      const expected = { jobs: expectedFor('jobs'), debt: expectedFor('debt') };
      expect(expected.jobs.length).toBeGreaterThan(10);
      for (const instance of [a, b]) {
        for (const partnerId of ['jobs', 'debt'] as const) {
          const page = await instance.feed.page(partnerId, 0, 1000);
          expect(page.items.map((i) => ({ position: i.event.position, topic: i.topic, type: i.event.type }))).toEqual(expected[partnerId]);
        }
      }

      const lastSeq = (await a.feed.afterSeq('jobs', 0, 1000)).at(-1)!.seq;
      await eventually(async () => (await a.webhooks.find('w-jobs'))!.cursor === lastSeq, 'the webhook has had every message', 60_000);
      // Both instances go on polling; give a second delivery the chance to show before counting.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.accepted.map((d) => ({ position: Number(d.headers['ce-position']), type: d.headers['ce-type'] }))).toEqual(expected.jobs.map(({ position, type }) => ({ position, type })));
      expect(await a.webhooks.find('w-jobs')).toMatchObject({ delivered: expected.jobs.length, attempts: 0 });
    } finally {
      await writer.close();
    }
  });
});
