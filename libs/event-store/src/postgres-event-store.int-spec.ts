import { Client } from 'pg';
import { describeEventStoreContract } from './event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { eventSchemaNames } from './postgres-event-schema';
import { appendGroup } from './postgres-append-transaction';
import { toRows } from './append-group';
import { dropSchema, freshSchemaName, testDatabaseConfig } from './testing/postgres-test-schema';
import { newEvent, newEvents, pause, range, readWholeLog, waitUntil } from './contract/contract-fixtures';

const openStore = (schema: string, pollIntervalMs = 1000) =>
  PostgresEventStore.open({ pool: testDatabaseConfig(), schema, pollIntervalMs });

describeEventStoreContract('PostgresEventStore', async () => {
  const schema = freshSchemaName();
  let current = await openStore(schema);
  return {
    store: current,
    reopen: async () => (current = await openStore(schema)),
    cleanup: async () => {
      await current.close();
      await dropSchema(schema);
    },
  };
});

describe('PostgresEventStore on a shared database', () => {
  let schema: string;
  const stores: PostgresEventStore[] = [];
  const clients: Client[] = [];
  const open = async (pollIntervalMs?: number) => {
    const store = await openStore(schema, pollIntervalMs);
    stores.push(store);
    return store;
  };
  /** A raw connection outside any store, like another process writing to the same log. */
  const rawClient = async () => {
    const client = new Client(testDatabaseConfig());
    await client.connect();
    clients.push(client);
    return client;
  };
  /** Backends of this database waiting for a lock: appenders queued behind the head row. */
  const waitingForLock = async (observer: Client) => {
    const { rows } = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return rows[0].n;
  };

  beforeEach(() => {
    schema = freshSchemaName();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(clients.splice(0).map((client) => client.end()));
    await dropSchema(schema);
  });

  it('never lets a subscriber skip an event whose transaction commits after later appends were made', async () => {
    const store = await open();
    const otherProcess = await open();
    await store.append('before', newEvents(2), 'no-stream');
    const seen: Array<{ position: number; stream: string }> = [];
    const subscription = store.subscribe(0, (e) => void seen.push({ position: e.position, stream: e.stream }));
    await waitUntil(() => seen.length === 2, 'the stored events arrive');

    // A slow appender: its transaction has allocated position 3 and stays open.
    const slow = await rawClient();
    const held = await appendGroup(slow, eventSchemaNames(schema), [
      { stream: 'slow', rows: toRows([newEvent()]), expected: 'no-stream' },
    ]);
    expect(held.outcomes).toEqual([{ version: 1, position: 3, written: true }]);

    // Meanwhile both stores append; none of it may become visible ahead of the slow transaction.
    let settled = 0;
    const faster = [
      ...range(1, 5).map((i) => store.append(`fast-${i}`, [newEvent()], 'no-stream')),
      ...range(6, 10).map((i) => otherProcess.append(`fast-${i}`, newEvents(2), 'no-stream')),
    ].map((append) => append.finally(() => settled++));
    const observer = await rawClient();
    let waiting = 0;
    for (let tries = 0; tries < 2000 && waiting < 2; tries++) {
      waiting = await waitingForLock(observer);
      if (waiting < 2) await pause(2);
    }
    expect(waiting).toBe(2); // each store's group is queued behind the slow transaction
    await pause(50);
    expect(settled).toBe(0);
    expect(seen.map((e) => e.position)).toEqual([1, 2]);
    expect(await readWholeLog(store)).toHaveLength(2);

    await slow.query('COMMIT');
    const results = await Promise.all(faster);
    const total = 2 + 1 + 5 + 5 * 2;
    await waitUntil(() => seen.length === total, 'every event arrives');
    await pause(20);
    expect(seen.map((e) => e.position)).toEqual(range(1, total));
    expect(seen[2]).toEqual({ position: 3, stream: 'slow' });
    expect(Math.min(...results.map((r) => r.position))).toBeGreaterThan(3);
    await subscription.stop();
  });

  it('burns no position when an appending transaction rolls back', async () => {
    const store = await open();
    const client = await rawClient();
    await appendGroup(client, eventSchemaNames(schema), [{ stream: 'lost', rows: toRows(newEvents(3)), expected: 'any' }]);
    await client.query('ROLLBACK');

    expect(await store.append('kept', [newEvent()], 'no-stream')).toEqual({ version: 1, position: 1 });
    expect(await store.readStream('lost')).toEqual([]);
  });

  it('wakes a subscriber by LISTEN/NOTIFY when another process commits, without polling', async () => {
    const listening = await open(0);
    const writer = await open(0);
    const seen: number[] = [];
    const subscription = listening.subscribe(0, (e) => void seen.push(e.position));
    await pause(20); // the subscription has read the empty log and sleeps until woken
    await writer.append('s', newEvents(2), 'no-stream');
    await waitUntil(() => seen.length === 2, 'the other process’s commit is delivered');
    await writer.append('s', newEvents(1), 2);
    await waitUntil(() => seen.length === 3, 'the next commit is delivered');
    expect(seen).toEqual([1, 2, 3]);
    await subscription.stop();
  });

  it('listens again after its LISTEN connection is killed, and delivers what was committed meanwhile', async () => {
    const listening = await open(0);
    const writer = await open(0);
    const seen: number[] = [];
    const subscription = listening.subscribe(0, (e) => void seen.push(e.position));
    const admin = await rawClient();
    const listeners = async () =>
      (
        await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
          [`LISTEN "onedoor_events_${schema}"`],
        )
      ).rows.map((row) => row.pid);
    const before = await listeners();
    expect(before).toHaveLength(2); // one per store
    // Close the writer, so the one LISTEN connection left is the listening store's, and kill it.
    await writer.close();
    const [ours] = await listeners();
    await admin.query('SELECT pg_terminate_backend($1)', [ours]);

    const other = await open(0);
    await other.append('s', newEvents(2), 'no-stream');
    await waitUntil(() => seen.length === 2, 'the commit made while it was reconnecting is delivered', 6000);
    await other.append('s', newEvents(1), 2);
    await waitUntil(() => seen.length === 3, 'later commits wake it again');
    expect(seen).toEqual([1, 2, 3]);
    expect((await listeners()).filter((pid) => pid !== ours)).toHaveLength(2);
    await subscription.stop();
  });

  it('keeps one gap-free log and one winner per expectation when several processes append at once', async () => {
    const [a, b, c] = [await open(), await open(), await open()];
    const seen: number[] = [];
    const subscription = c.subscribe(0, (e) => void seen.push(e.position));
    const contested = await Promise.allSettled([a, b, c].map((store) => store.append('contested', [newEvent()], 'no-stream')));
    expect(contested.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await Promise.all(range(1, 90).map((i) => [a, b, c][i % 3].append(`s-${i % 7}`, newEvents((i % 2) + 1), 'any')));

    const log = await readWholeLog(a);
    expect(log.map((e) => e.position)).toEqual(range(1, log.length));
    for (const stream of new Set(log.map((e) => e.stream))) {
      const versions = log.filter((e) => e.stream === stream).map((e) => e.version);
      expect(versions).toEqual(range(1, versions.length));
    }
    await waitUntil(() => seen.length === log.length, 'the subscriber has every event');
    expect(seen).toEqual(range(1, log.length));
    await subscription.stop();
  });

  it('never lets a conditioned append from one process commit after another process moved the conditioned stream', async () => {
    const [referrals, people] = [await open(), await open()];
    await people.append('person-1', [newEvent('consent-given')], 'no-stream');
    for (let version = 1; version <= 20; version++) {
      const [referral, withdrawal] = await Promise.allSettled([
        referrals.append(`referral-${version}`, [newEvent('referral-requested')], 'no-stream', {
          conditions: [{ stream: 'person-1', expected: version }],
        }),
        people.append('person-1', [newEvent('consent-withdrawn')], version),
      ]);
      expect(withdrawal.status).toBe('fulfilled');
      // Both may succeed only when the referral committed first, while the person was still at `version`.
      if (referral.status === 'fulfilled' && withdrawal.status === 'fulfilled') {
        expect(referral.value.position).toBeLessThan(withdrawal.value.position);
      } else if (referral.status === 'rejected') {
        expect(referral.reason).toMatchObject({ code: 'wrong-expected-version', stream: 'person-1' });
      }
    }
    const log = await readWholeLog(referrals);
    expect(log.map((e) => e.position)).toEqual(range(1, log.length));
  });

  it('creates its schema once however many processes start together, and refuses a malformed schema name', async () => {
    await Promise.all(range(1, 4).map(() => open()));
    await stores[0].append('s', [newEvent()], 'no-stream');
    expect(await stores[3].headPosition()).toBe(1);
    await expect(PostgresEventStore.open({ pool: testDatabaseConfig(), schema: 'Robert"; DROP' })).rejects.toThrow(
      /schema must be a lower-case SQL identifier/,
    );
  });
});
