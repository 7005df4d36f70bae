import { testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { postgresPair } from '../testing/store-pairs';
import { Client } from 'pg';
import { PostgresRelayLedger } from './postgres-relay-ledger';
import { describeRelayLedgerContract } from './relay-ledger.contract';

/** Two ledgers, each with its own pool, as two relay processes on two machines would have. */
const openPair = () => postgresPair((options) => PostgresRelayLedger.open(options));

describeRelayLedgerContract('PostgresRelayLedger (the real PostgreSQL, two pools)', openPair);

describe('PostgresRelayLedger under concurrency (the real PostgreSQL)', () => {
  let pair: Awaited<ReturnType<typeof openPair>>;
  beforeEach(async () => (pair = await openPair()));
  afterEach(() => pair.cleanup());

  it('gives a free lease to exactly one of many instances asking at once', async () => {
    const owners = Array.from({ length: 12 }, (_, i) => `relay-${i}`);
    const won = await Promise.all(owners.map((owner, i) => (i % 2 === 0 ? pair.a : pair.b).tryAcquire(owner, 1000, 500)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await pair.b.holder(1000)).toBe(owners[won.indexOf(true)]);
  });

  it('refuses an advance from the lease holder whose lease is being taken over by a transaction not yet committed', async () => {
    await pair.a.tryAcquire('relay-a', 1000, 500);
    await pair.a.advance('relay-a', 10, 1100);
    // Another process takes the lease over (its clock runs ahead, or relay-a was paused) and has not committed yet.
    const takeover = new Client(testDatabaseConfig());
    await takeover.connect();
    try {
      await takeover.query('BEGIN');
      await takeover.query(`UPDATE ${pair.schema}.relay_lease SET owner = 'relay-b', expires_at = 2100 WHERE name = 'kafka'`);
      // relay-a's own clock says its lease is still good: only the lock on the lease row can stop it.
      const late = pair.a.advance('relay-a', 20, 1400);
      await waitUntilWaitingForLock(takeover);
      await takeover.query('COMMIT');
      expect(await late).toBe(false);
    } finally {
      await takeover.end();
    }
    expect(await pair.b.checkpoint()).toBe(10);
    expect(await pair.b.advance('relay-b', 11, 1700)).toBe(true);
    expect(await pair.a.checkpoint()).toBe(11);
  });
});

/** Until some backend of this database waits for a lock (the advance, queued behind the takeover). */
async function waitUntilWaitingForLock(observer: Client): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await observer.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the advance never waited for the lease row');
}
