import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@onedoor/event-store';
import { SqliteRelayLedger } from '../apps/relay/src/kafka/sqlite-relay-ledger';
import { kafkaBroker } from './support/kafka-broker';
import { RelayChild } from './support/relay-child';
import { appendReferralEvents, keepAppending } from './support/relay-test-events';
import { expectEveryPositionInOrder, TopicReader } from './support/topic-reader';

jest.setTimeout(240_000);

/**
 * The standalone relay process (apps/relay as bootAlone runs it) over the same data directory as this
 * test, which appends to the log like the app would; the real broker on 127.0.0.1:9092.
 */
describe('relay processes killed with -9 (real broker, real processes)', () => {
  const broker = kafkaBroker(9092);
  let dir: string;
  let store: SqliteEventStore;
  let reader: TopicReader;
  let topic: string;
  const children: RelayChild[] = [];

  beforeAll(() => broker.start());
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
    store = await SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    topic = `relay-crash-${randomUUID()}`;
    reader = new TopicReader(topic, broker.address);
    await reader.start();
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.stop()));
    await reader.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const relayProcess = (name: string) => {
    const child = new RelayChild(name, { DATA_DIR: dir, KAFKA_BROKERS: broker.address, RELAY_TEST_TOPIC: topic, RELAY_LEASE_TTL_MS: '3000', RELAY_BATCH_SIZE: '50' });
    children.push(child);
    return child;
  };

  /** The checkpoint on disk: after kill -9 nothing can move it any more. */
  const checkpointOnDisk = async () => {
    const ledger = new SqliteRelayLedger(join(dir, 'relay.sqlite'));
    try {
      return await ledger.checkpoint();
    } finally {
      await ledger.close();
    }
  };

  it('loses nothing when the relay is killed mid-stream, and repeats only what the broker had not acknowledged', async () => {
    const first = relayProcess('first');
    await first.start();
    await first.waitFor((h) => h.role === 'leader');
    const appending = keepAppending(store, 4, 12);
    await reader.waitForDistinct(300, 60_000);
    await first.kill();
    const checkpointAtKill = await checkpointOnDisk();
    const headAtKill = await store.headPosition();

    const restarted = relayProcess('restarted');
    await restarted.start();
    await reader.waitForDistinct(headAtKill + 100, 90_000);
    const head = (await appending.stop(), await store.headPosition());
    await restarted.waitFor((h) => h.checkpoint === head && h.role === 'leader');
    await expectEveryPositionInOrder(reader, head);

    expect(checkpointAtKill).toBeGreaterThan(0);
    expect(reader.duplicatedPositions().filter((position) => position <= checkpointAtKill)).toEqual([]);
    // Anything the restarted relay published is after the checkpoint the killed one left behind.
    expect(reader.records.filter((r) => r.headers.relay === 'restarted' && r.position <= checkpointAtKill)).toEqual([]);
    expect(reader.records.filter((r) => r.headers.relay === 'first' && r.position > headAtKill)).toEqual([]);
  });

  it('keeps a second process on hot standby; when the leader is killed the standby takes over', async () => {
    const a = relayProcess('a');
    const b = relayProcess('b');
    await Promise.all([a.start(), b.start()]);
    const [healthA] = await Promise.all([a.waitFor((h) => h.role === 'leader' || h.role === 'standby'), b.waitFor((h) => h.role === 'leader' || h.role === 'standby')]);
    const [leader, standby] = healthA.role === 'leader' ? [a, b] : [b, a];
    await standby.waitFor((h) => h.role === 'standby' && h.leaseHolder !== null);
    await leader.waitFor((h) => h.role === 'leader');

    await appendReferralEvents(store, 100, 10);
    await leader.waitFor((h) => h.checkpoint === 100);
    await reader.waitForDistinct(100, 30_000);
    expect(reader.records.filter((r) => r.headers.relay !== leader.name)).toEqual([]);
    expect(await standby.health()).toMatchObject({ role: 'standby', checkpoint: 100, lag: 0 });

    await leader.kill();
    await appendReferralEvents(store, 100, 10);
    await standby.waitFor((h) => h.role === 'leader' && h.checkpoint === 200);
    await expectEveryPositionInOrder(reader, 200);
    expect(reader.records.filter((r) => r.position > 100).every((r) => r.headers.relay === standby.name)).toBe(true);
    expect(reader.records).toHaveLength(200);
  });
});
