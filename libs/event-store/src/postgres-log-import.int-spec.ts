import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { digestLog } from './log-digest';
import { PostgresEventStore } from './postgres-event-store';
import { LogImportError, PostgresLogImport } from './postgres-log-import';
import { SqliteEventLogReader } from './sqlite-event-log-reader';
import { SqliteEventStore } from './sqlite-event-store';
import { newEvent, readWholeLog } from './contract/contract-fixtures';
import { dropSchema, freshSchemaName, testDatabaseConfig } from './testing/postgres-test-schema';

/** A SQLite log copied into PostgreSQL: the same events at the same places, and a log that then carries on. */
describe('PostgresLogImport', () => {
  let dir: string;
  let schema: string;
  let pool: Pool;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onedoor-log-import-'));
    schema = freshSchemaName();
    pool = new Pool(testDatabaseConfig());
  });
  afterEach(async () => {
    await pool.end();
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  /** 3 streams interleaved, 30 events, some with metadata, written by the real SQLite store. */
  async function sqliteLog(): Promise<string> {
    const file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    for (let i = 0; i < 10; i++) {
      for (const stream of ['person-a', 'referral-b', 'service-c']) {
        await store.append(stream, [newEvent('Happened', { i, stream, note: 'ü \u0000 "quoted"' })], i === 0 ? 'no-stream' : i);
      }
    }
    await store.close();
    return file;
  }

  it('copies every event with its id, stream, version, position and commit time, and the log carries on after it', async () => {
    const file = await sqliteLog();
    const reader = new SqliteEventLogReader(file);
    const source = [...reader.batches(0, 7)].flat();
    const target = await PostgresLogImport.open(pool, schema);
    for (const batch of reader.batches(0, 7)) await target.importBatch(batch);
    expect(await target.count()).toBe(30);
    expect(await digestLog(target.batches(4))).toEqual(await digestLog(reader.batches(0, 11)));
    reader.close();

    const store = await PostgresEventStore.open({ pool: testDatabaseConfig(), schema });
    try {
      expect(await readWholeLog(store)).toEqual(source);
      expect((await store.readStream('referral-b')).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      // The copied versions are what the next writer expects: a stale expectation is refused, the right one continues.
      await expect(store.append('service-c', [newEvent('Happened', {})], 9)).rejects.toThrow();
      expect(await store.append('service-c', [newEvent('Happened', {})], 10)).toEqual({ version: 11, position: 31 });
    } finally {
      await store.close();
    }
  });

  it('refuses a batch that would leave a gap, and writes none of it', async () => {
    const file = await sqliteLog();
    const reader = new SqliteEventLogReader(file);
    const [first, second] = [...reader.batches(0, 10)];
    reader.close();
    const target = await PostgresLogImport.open(pool, schema);
    await expect(target.importBatch(second)).rejects.toThrow(LogImportError);
    expect(await target.count()).toBe(0);
    await target.importBatch(first);
    await expect(target.importBatch(first)).rejects.toThrow(/target log ends at 10/);
    expect(await target.count()).toBe(10);
  });

  it('gives a different digest when one event differs', async () => {
    const file = await sqliteLog();
    const reader = new SqliteEventLogReader(file);
    const events = [...reader.batches(0, 100)].flat();
    reader.close();
    const changed = events.map((e, i) => (i === 17 ? { ...e, data: { ...e.data, i: 99 } } : e));
    const swapped = [events[1], events[0], ...events.slice(2)];
    const original = await digestLog([events]);
    expect(original).toMatchObject({ events: 30, head: 30 });
    expect((await digestLog([changed])).sha256).not.toBe(original.sha256);
    expect((await digestLog([swapped])).sha256).not.toBe(original.sha256);
    expect(await digestLog([events.slice(0, 15), events.slice(15)])).toEqual(original);
  });
});
