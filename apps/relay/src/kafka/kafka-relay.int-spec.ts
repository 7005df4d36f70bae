import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { SqliteEventStore } from '@onedoor/event-store';
import type { OutboundMessage } from '@onedoor/messaging';
import { kafkaBroker } from '../../../../test/support/kafka-broker';
import { RelayTestRouter } from '../../../../test/support/relay-test-router';
import { appendReferralEvents } from '../../../../test/support/relay-test-events';
import { TopicReader } from '../../../../test/support/topic-reader';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaRelay } from './kafka-relay';
import { SqliteRelayLedger } from './sqlite-relay-ledger';

jest.setTimeout(120_000);

/** Against the real broker on 127.0.0.1:9092 (started by infra/kafka/start.sh if absent) and real SQLite files. */
describe('KafkaRelay (real Kafka broker, real SQLite store)', () => {
  const broker = kafkaBroker(9092);
  let dir: string;
  let store: SqliteEventStore;
  let topic: string;
  let reader: TopicReader;
  const ledgers: SqliteRelayLedger[] = [];
  const relays: KafkaRelay[] = [];

  beforeAll(async () => {
    // The relay's own warnings stay visible; kafkajs's chatter (debug) does not.
    Logger.overrideLogger(['error', 'warn']);
    await broker.start();
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-int-'));
    store = await SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    topic = `relay-test-${randomUUID()}`;
    reader = new TopicReader(topic, broker.address);
    await reader.start();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await Promise.all(ledgers.splice(0).map((ledger) => ledger.close()));
    await reader.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const publisherOptions = () => ({ brokers: [broker.address], clientId: 'relay-int-test', topicPartitions: 3 });

  function relay(router: RelayTestRouter, instanceId = 'relay-a', options: { batchSize?: number; newPublisher?: () => KafkaPublisher } = {}): KafkaRelay {
    const ledger = new SqliteRelayLedger(join(dir, 'relay.sqlite'));
    ledgers.push(ledger);
    const newPublisher = options.newPublisher ?? (() => new KafkaPublisher(publisherOptions()));
    const created = new KafkaRelay(store, ledger, () => router, newPublisher, { instanceId, leaseTtlMs: 3000, batchSize: options.batchSize ?? 25 });
    relays.push(created);
    return created;
  }

  const stopRelay = async (stopped: KafkaRelay) => {
    await stopped.stop();
    relays.splice(relays.indexOf(stopped), 1);
  };

  it('delivers every event in order per referral, moves the checkpoint after acknowledgement, and resumes after a restart with no gap', async () => {
    await appendReferralEvents(store, 120, 7);
    const first = relay(new RelayTestRouter(topic));
    first.start();
    await first.waitForCheckpoint(120);
    expect(await first.status()).toMatchObject({ role: 'leader', checkpoint: 120, brokerReachable: true });
    await stopRelay(first);

    await appendReferralEvents(store, 80, 7);
    const router = new RelayTestRouter(topic);
    const second = relay(router);
    second.start();
    await second.waitForCheckpoint(200);
    await reader.waitForDistinct(200, 30_000);

    // The restarted relay fed its fresh router the whole log from position 1, and published only after 120.
    expect(router.fed).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(reader.records).toHaveLength(200);
    expect(reader.records.map((r) => r.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (const positions of reader.firstArrivalsByKey().values()) expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(reader.firstArrivalsByKey().size).toBe(7);
    const events = await store.readAll(0, 200);
    expect(reader.records.every((r) => r.eventId === events[r.position - 1].id && r.key === events[r.position - 1].stream)).toBe(true);
    expect(reader.records[0].headers).toMatchObject({ ce_specversion: '1.0', ce_type: 'RelayTestHappened' });
  });

  it('sends a batch whose acknowledgement was lost again, whole: repeats only of that batch, nothing missing', async () => {
    await appendReferralEvents(store, 60, 4);
    let sends = 0;
    const lostBatch: number[] = [];
    let checkpointBeforeLostBatch = -1;
    /** Delivers to the broker, but on the second batch throws afterwards, as if the acknowledgement never came back. */
    class AckLosingPublisher extends KafkaPublisher {
      override async publish(messages: OutboundMessage[]): Promise<void> {
        await super.publish(messages);
        if (++sends !== 2) return;
        lostBatch.push(...messages.map((m) => m.position));
        checkpointBeforeLostBatch = await ledgers[0].checkpoint();
        throw new Error('acknowledgement lost');
      }
    }
    const unlucky = relay(new RelayTestRouter(topic), 'relay-a', { batchSize: 25, newPublisher: () => new AckLosingPublisher(publisherOptions()) });
    unlucky.start();
    await unlucky.waitForCheckpoint(60);
    await reader.waitForDistinct(60, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(lostBatch.length).toBeGreaterThan(0);
    expect(checkpointBeforeLostBatch).toBeLessThan(Math.min(...lostBatch));
    expect(reader.duplicatedPositions().sort((a, b) => a - b)).toEqual(lostBatch);
    expect(reader.records).toHaveLength(60 + lostBatch.length);
    for (const positions of reader.firstArrivalsByKey().values()) expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('lets only the lease holder publish; when it stops, the standby takes over from the checkpoint', async () => {
    const a = relay(new RelayTestRouter(topic, { relay: 'a' }), 'relay-a');
    a.start();
    while ((await a.status()).role !== 'leader') await new Promise((resolve) => setTimeout(resolve, 20));
    const b = relay(new RelayTestRouter(topic, { relay: 'b' }), 'relay-b');
    b.start();
    await appendReferralEvents(store, 50, 5);
    await a.waitForCheckpoint(50);
    expect(await b.status()).toMatchObject({ role: 'standby', leaseHolder: 'relay-a' });

    await stopRelay(a);
    await appendReferralEvents(store, 50, 5);
    await b.waitForCheckpoint(100);
    expect(await b.status()).toMatchObject({ role: 'leader', leaseHolder: 'relay-b' });
    await reader.waitForDistinct(100, 30_000);

    expect(reader.records).toHaveLength(100);
    const publisherOf = new Map(reader.records.map((r) => [r.position, r.headers.relay]));
    expect([...publisherOf].filter(([position, by]) => (position <= 50 ? by !== 'a' : by !== 'b'))).toEqual([]);
  });

  it('stops without skipping an event when the router fails on it, and gives the lease up', async () => {
    await appendReferralEvents(store, 10, 2);
    const failing = new RelayTestRouter(topic);
    const route = failing.route.bind(failing);
    failing.route = (event) => {
      if (event.position === 6) throw new Error('router bug');
      return route(event);
    };
    const stuck = relay(failing, 'relay-a', { batchSize: 100 });
    stuck.start();
    while ((await stuck.status()).role !== 'failed') await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await stuck.status()).toMatchObject({ role: 'failed', failure: 'router bug', leaseHolder: null });
    expect((await stuck.status()).checkpoint).toBeLessThan(6);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reader.records.filter((r) => r.position >= 6)).toEqual([]);
  });
});
