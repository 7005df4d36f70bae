import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { SqliteEventStore } from '@onedoor/event-store';
import { KafkaPublisher } from '../apps/relay/src/kafka/kafka-publisher';
import { KafkaRelay } from '../apps/relay/src/kafka/kafka-relay';
import { SqliteRelayLedger } from '../apps/relay/src/kafka/sqlite-relay-ledger';
import { kafkaBroker } from './support/kafka-broker';
import { RelayTestRouter } from './support/relay-test-router';
import { appendReferralEvents } from './support/relay-test-events';

jest.setTimeout(120_000);

interface PartnerEvent {
  id?: string;
  type?: string;
  key: string | null;
  tombstone: boolean;
  data: { position: number } | null;
}
const { consumePartnerEvents } = require('../examples/partner-consumer/consumer.js') as {
  consumePartnerEvents(options: { brokers: string[]; topic: string; groupId: string; onEvent(event: PartnerEvent): void }): Promise<{ disconnect(): Promise<void> }>;
};

/** examples/partner-consumer against what the relay publishes on the real broker, redeliveries included. */
describe('the partner-consumer example (real broker)', () => {
  const broker = kafkaBroker(9092);
  let dir: string;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    await broker.start();
    dir = mkdtempSync(join(tmpdir(), 'partner-consumer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands each event over once, in order per referral, reading the CloudEvents headers, and passes tombstones on', async () => {
    const topic = `partner-example-${randomUUID()}`;
    const store = await SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const ledger = new SqliteRelayLedger(join(dir, 'relay.sqlite'));
    const relay = new KafkaRelay(store, ledger, () => new RelayTestRouter(topic), () => new KafkaPublisher({ brokers: [broker.address], clientId: 'partner-example-test', topicPartitions: 3 }), {
      instanceId: 'relay',
      leaseTtlMs: 2000,
      batchSize: 10,
    });
    relay.start();
    await appendReferralEvents(store, 30, 3);
    await relay.waitForCheckpoint(30);
    await relay.stop();

    // What a relay restart can cause: records 21-30 again; then a tombstone for one referral.
    const events = await store.readAll(0, 30);
    const router = new RelayTestRouter(topic);
    const again = events.slice(20).flatMap((event) => router.route(event));
    const producer = new Kafka({ clientId: 'redelivery', brokers: [broker.address], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic, messages: again.map((m) => ({ key: m.key, value: m.value, headers: m.headers })) });
    await producer.send({ topic, messages: [{ key: 'referral-1', value: null }] });
    await producer.disconnect();

    const received: PartnerEvent[] = [];
    const consumer = await consumePartnerEvents({ brokers: [broker.address], topic, groupId: `partner-${randomUUID()}`, onEvent: (event) => void received.push(event) });
    const deadline = Date.now() + 60_000;
    while (received.length < 31 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await consumer.disconnect();
    await ledger.close();
    await store.close();

    const handled = received.filter((event) => !event.tombstone);
    expect(handled.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(handled[0]).toMatchObject({ type: 'RelayTestHappened', key: expect.stringMatching(/^referral-/) });
    for (const key of ['referral-0', 'referral-1', 'referral-2']) {
      const positions = handled.filter((event) => event.key === key).map((event) => event.data!.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(received.filter((event) => event.tombstone)).toEqual([expect.objectContaining({ key: 'referral-1', data: null })]);
  });
});
