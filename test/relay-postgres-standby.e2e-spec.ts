import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@onedoor/event-store';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { PostgresRelayLedger } from '@onedoor/relay-stores';
import { kafkaBroker } from './support/kafka-broker';
import { RelayChild } from './support/relay-child';
import { appendReferralEvents, keepAppending } from './support/relay-test-events';
import { expectEveryPositionInOrder, TopicReader } from './support/topic-reader';

jest.setTimeout(240_000);

const LEASE_TTL_MS = 3000;
const { host, port, user, database } = testDatabaseConfig();

/**
 * Two relay processes over one PostgreSQL schema (the log, the lease and the checkpoint all there), each with a
 * data directory of its own so nothing is shared through files; the real broker on 127.0.0.1:9092. This test
 * appends to the log as the referrals service would.
 */
describe('two relay processes over one PostgreSQL schema (real broker, real processes)', () => {
  const broker = kafkaBroker(9092);
  let schema: string;
  let store: PostgresEventStore;
  let ledger: PostgresRelayLedger;
  let reader: TopicReader;
  let topic: string;
  const dirs: string[] = [];
  const children: RelayChild[] = [];

  beforeAll(() => broker.start());
  beforeEach(async () => {
    schema = freshSchemaName();
    store = await PostgresEventStore.open({ pool: testDatabaseConfig(), schema });
    ledger = await PostgresRelayLedger.open({ pool: testDatabaseConfig({ max: 1 }), schema });
    topic = `relay-pg-${randomUUID()}`;
    reader = new TopicReader(topic, broker.address);
    await reader.start();
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.stop()));
    await reader.stop();
    await ledger.close();
    await store.close();
    await dropSchema(schema);
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  const relayProcess = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `relay-pg-${name}-`));
    dirs.push(dir);
    const child = new RelayChild(
      name,
      {
        DATA_DIR: dir, EVENT_STORE: 'postgres', DATABASE_URL: `postgres://${user}@${host}:${port}/${database}`, DATABASE_SCHEMA: schema,
        KAFKA_BROKERS: broker.address, RELAY_TEST_TOPIC: topic, RELAY_LEASE_TTL_MS: String(LEASE_TTL_MS), RELAY_BATCH_SIZE: '50',
      },
    );
    children.push(child);
    return child;
  };

  it('exactly one publishes; killed with -9 mid-stream, the standby takes over and nothing is lost, repeats only past the checkpoint', async () => {
    const a = relayProcess('a');
    const b = relayProcess('b');
    await Promise.all([a.start(), b.start()]);
    const [healthA] = await Promise.all([a.waitFor((h) => h.role === 'leader' || h.role === 'standby'), b.waitFor((h) => h.role === 'leader' || h.role === 'standby')]);
    const [leader, standby] = healthA.role === 'leader' ? [a, b] : [b, a];
    await standby.waitFor((h) => h.role === 'standby' && h.leaseHolder !== null);
    const { instanceId: leaderId } = await leader.waitFor((h) => h.role === 'leader');

    await appendReferralEvents(store, 100, 10);
    await leader.waitFor((h) => h.checkpoint === 100);
    await reader.waitForDistinct(100, 30_000);
    expect(reader.records.filter((r) => r.headers.relay !== leader.name)).toEqual([]);
    expect(await standby.health()).toMatchObject({ role: 'standby', leaseHolder: leaderId, checkpoint: 100, lag: 0 });

    // The log keeps growing while the leader dies.
    const appending = keepAppending(store, 4, 12);
    await reader.waitForDistinct(250, 60_000);
    await leader.kill();
    const checkpointAtKill = await ledger.checkpoint();
    const headAtKill = await store.headPosition();
    const killedAt = Date.now();
    await standby.waitFor((h) => h.role === 'leader');
    const takeoverMs = Date.now() - killedAt;
    await reader.waitForDistinct(headAtKill + 50, 90_000);
    await appending.stop();
    const head = await store.headPosition();
    await standby.waitFor((h) => h.role === 'leader' && h.checkpoint === head);

    await expectEveryPositionInOrder(reader, head);
    // Repeats only of what the dead leader had sent past its checkpoint; the new leader starts after that checkpoint.
    expect(checkpointAtKill).toBeGreaterThanOrEqual(100);
    expect(reader.duplicatedPositions().filter((position) => position <= checkpointAtKill)).toEqual([]);
    expect(reader.records.filter((r) => r.headers.relay === standby.name && r.position <= checkpointAtKill)).toEqual([]);
    expect(reader.records.filter((r) => r.headers.relay === leader.name && r.position > headAtKill)).toEqual([]);
    expect(await ledger.holder(Date.now())).toBe((await standby.health()).instanceId);
    console.log(`relay-postgres-standby: head ${head}, checkpoint at kill ${checkpointAtKill}, head at kill ${headAtKill}, records ${reader.records.length}, repeated ${reader.duplicatedPositions().length}, standby leading ${takeoverMs} ms after kill -9 (lease TTL ${LEASE_TTL_MS} ms)`);
  });
});
