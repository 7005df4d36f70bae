import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { SqliteEventStore } from '@onedoor/event-store';
import { KafkaPublisher } from '../apps/relay/src/kafka/kafka-publisher';
import { KafkaRelay } from '../apps/relay/src/kafka/kafka-relay';
import { SqliteRelayLedger } from '../apps/relay/src/kafka/sqlite-relay-ledger';
import { kafkaBroker } from './support/kafka-broker';
import { RelayTestRouter } from './support/relay-test-router';
import { keepAppending } from './support/relay-test-events';
import { TopicReader } from './support/topic-reader';

jest.setTimeout(300_000);

const OUTAGE_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A broker of its own on 127.0.0.1:19092, so stopping it for 30 s disturbs no other suite. Referrals keep
 * flowing into the log the whole time.
 */
describe('Kafka relay through a 30 s broker outage (real broker stopped and started)', () => {
  const broker = kafkaBroker(19092);
  let dir: string;
  let store: SqliteEventStore;
  let ledger: SqliteRelayLedger;
  let relay: KafkaRelay;
  let reader: TopicReader;

  beforeAll(async () => {
    // The relay's own warnings stay visible; kafkajs's chatter (debug) does not.
    Logger.overrideLogger(['error', 'warn']);
    await broker.start();
    dir = mkdtempSync(join(tmpdir(), 'relay-outage-'));
    store = await SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    ledger = new SqliteRelayLedger(join(dir, 'relay.sqlite'));
  });
  afterAll(async () => {
    await relay?.stop();
    await reader?.stop();
    await ledger.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    // This suite's own broker: no other suite uses it.
    await broker.stop();
  });

  it('delivers every event once the broker is back, in order per referral, with nothing missing', async () => {
    const topic = `relay-outage-${randomUUID()}`;
    reader = new TopicReader(topic, broker.address);
    await reader.start();
    const newPublisher = () => new KafkaPublisher({ brokers: [broker.address], clientId: 'relay-outage-test', topicPartitions: 3 });
    relay = new KafkaRelay(store, ledger, () => new RelayTestRouter(topic), newPublisher, { instanceId: 'relay-outage', leaseTtlMs: 5000, batchSize: 100 });
    relay.start();
    const appending = keepAppending(store, 20, 8);
    await reader.waitForDistinct(50, 60_000);

    await broker.stop();
    const appendedAtStop = appending.appended();
    const checkpointAtStop = (await relay.status()).checkpoint;
    await sleep(OUTAGE_MS);
    const duringOutage = await relay.status();
    await broker.start();

    // Referrals kept flowing into the log, while the relay held its checkpoint and said the broker was gone.
    expect(appending.appended() - appendedAtStop).toBeGreaterThan(100);
    expect(duringOutage).toMatchObject({ role: 'leader', brokerReachable: false });
    expect(duringOutage.checkpoint).toBeLessThanOrEqual(appendedAtStop);
    expect(duringOutage.checkpoint).toBeGreaterThanOrEqual(checkpointAtStop);

    await sleep(2000);
    await appending.stop();
    const head = await store.headPosition();
    await relay.waitForCheckpoint(head);
    await reader.waitForDistinct(head, 120_000);

    const distinctPositions = [...new Set(reader.records.map((r) => r.position))].sort((a, b) => a - b);
    expect(distinctPositions).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    for (const positions of reader.firstArrivalsByKey().values()) expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(await relay.status()).toMatchObject({ role: 'leader', checkpoint: head, brokerReachable: true });
  });
});
