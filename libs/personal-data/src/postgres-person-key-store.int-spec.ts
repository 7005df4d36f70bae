import { Pool } from 'pg';
import { waitUntil } from '@onedoor/event-store/contract/contract-fixtures';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { ERASED, PersonalDataVault } from './personal-data-vault';
import { PersonErasedError, PostgresPersonKeyStore } from './postgres-person-key-store';

describe('PostgreSQL person key store', () => {
  const schema = freshSchemaName();
  const pools: Pool[] = [];
  const stores: PostgresPersonKeyStore[] = [];
  /** Each instance gets a pool of its own, as separate processes would. */
  const instance = async (reconnectMs?: number) => {
    const pool = new Pool(testDatabaseConfig());
    pools.push(pool);
    const store = await PostgresPersonKeyStore.open({ pool, schema, reconnectMs });
    stores.push(store);
    return { store, vault: new PersonalDataVault(store), pool };
  };
  const details = { givenName: 'Ola', familyName: 'Nordmann' };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
  });
  afterAll(() => dropSchema(schema));

  it('obtains one key per person, finds it, keeps it across a restart, and destroys it', async () => {
    const a = await instance();
    const key = await a.store.obtain('person-1');
    expect(key).toHaveLength(32);
    expect(await a.store.obtain('person-1')).toEqual(key);
    expect(a.store.find('person-1')).toEqual(key);
    expect(await a.store.lookup('person-1')).toEqual(key);
    expect(a.store.find('never-registered')).toBeUndefined();
    expect(await a.store.lookup('never-registered')).toBeUndefined();

    const restarted = await instance();
    expect(restarted.store.find('person-1')).toEqual(key);
    await restarted.store.destroy('person-1');
    await restarted.store.destroy('person-1');
    expect(restarted.store.find('person-1')).toBeUndefined();
    expect(await restarted.store.lookup('person-1')).toBeUndefined();
    const { rows } = await restarted.pool.query(`SELECT count(*)::int AS n FROM ${schema}.person_keys WHERE person_id = 'person-1'`);
    expect(rows[0].n).toBe(0);
  });

  it('two instances obtaining the same new people at once agree on one key each', async () => {
    const [a, b] = [await instance(), await instance()];
    const people = Array.from({ length: 20 }, (_, i) => `racer-${i}`);
    const keys = await Promise.all(people.flatMap((id) => [a.store.obtain(id), b.store.obtain(id), a.store.obtain(id), b.store.obtain(id)]));
    for (let i = 0; i < people.length; i++) {
      const mine = keys.slice(i * 4, i * 4 + 4).map((key) => key.toString('hex'));
      expect(new Set(mine).size).toBe(1);
    }
    const { rows } = await a.pool.query(`SELECT count(*)::int AS n FROM ${schema}.person_keys WHERE person_id LIKE 'racer-%'`);
    expect(rows[0].n).toBe(people.length);
  });

  it('an instance learns a key another made only when asked, and then opens what it sealed', async () => {
    const [a, b] = [await instance(), await instance()];
    const sealed = await a.vault.seal('learned', details);
    // Not yet heard of: this is why the platform learns keys from the log before handing events on.
    expect(b.store.knows('learned')).toBe(false);
    await b.store.learn(['learned', 'nobody-at-all']);
    expect(b.vault.open('learned', sealed)).toEqual(details);
    // Not found stays unknown, so a person registered later is still learned.
    expect(b.store.knows('nobody-at-all')).toBe(false);
  });

  it('a destroy on one instance makes the others drop the key: erased data is unreadable everywhere', async () => {
    const [a, b] = [await instance(), await instance()];
    const sealed = await a.vault.seal('to-erase', details);
    await b.store.learn(['to-erase']);
    expect(b.vault.open('to-erase', sealed)).toEqual(details);

    await a.vault.shred('to-erase');
    expect(a.vault.open('to-erase', sealed)).toBe(ERASED);
    await waitUntil(() => b.store.find('to-erase') === undefined, 'the other instance hears of the erasure');
    expect(b.vault.open('to-erase', sealed)).toBe(ERASED);
    const later = await instance();
    expect(later.vault.open('to-erase', sealed)).toBe(ERASED);
    await later.store.learn(['to-erase']);
    expect(later.vault.open('to-erase', sealed)).toBe(ERASED);
  });

  it('an erasure announced while an instance was not listening is caught up when it listens again', async () => {
    const a = await instance();
    const b = await instance(100);
    const sealed = await a.vault.seal('missed', details);
    await b.store.learn(['missed']);
    const { rows } = await a.pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE query = $1`, [`LISTEN "onedoor_keys_${schema}"`]);
    // Both instances listen; cut both, then erase while neither hears.
    expect(rows.length).toBe(2);
    await a.pool.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [rows.map((r) => r.pid)]);
    await waitUntil(() => !b.store.listening, 'the instance notices it stopped listening');
    await a.store.destroy('missed');
    expect(b.store.find('missed')).toBeDefined();
    await waitUntil(() => b.store.listening && b.store.find('missed') === undefined, 'the instance re-checks its keys once listening again');
    expect(b.vault.open('missed', sealed)).toBe(ERASED);
  });

  it('an erasure read from the log drops the key at once, and no key is made again for that person', async () => {
    const [a, b] = [await instance(), await instance()];
    const sealed = await a.vault.seal('erased-in-log', details);
    await b.store.learn(['erased-in-log']);
    b.store.forgetErased('erased-in-log');
    expect(b.vault.open('erased-in-log', sealed)).toBe(ERASED);
    // The row is still there (the erasing instance has not destroyed it yet): learning it again changes nothing.
    await b.store.learn(['erased-in-log']);
    await b.store.lookup('erased-in-log');
    expect(b.vault.open('erased-in-log', sealed)).toBe(ERASED);
    await expect(b.store.obtain('erased-in-log')).rejects.toThrow(PersonErasedError);
  });

  it('refuses a schema name that is not a plain lower-case identifier, naming the rule', async () => {
    const pool = new Pool(testDatabaseConfig());
    pools.push(pool);
    await expect(PostgresPersonKeyStore.open({ pool, schema: 'Robert"; DROP' })).rejects.toThrow(/schema must be a lower-case SQL identifier/);
  });
});
