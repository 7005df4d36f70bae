import BetterSqlite3 from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvents, range } from './contract/contract-fixtures';
import { SqliteEventLogReader } from './sqlite-event-log-reader';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventLogReader', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'onedoor-log-reader-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads the whole log in order and in batches while the store is open and still appending', async () => {
    const file = join(dir, 'events.sqlite');
    const store = await SqliteEventStore.open({ file });
    await store.append('referral-a', newEvents(7), 'no-stream');
    await store.append('referral-b', newEvents(5), 'no-stream');
    const reader = new SqliteEventLogReader(file);
    try {
      expect(reader.head()).toBe(12);
      const batches = [...reader.batches(0, 5)];
      expect(batches.map((b) => b.length)).toEqual([5, 5, 2]);
      expect(batches.flat().map((e) => e.position)).toEqual(range(1, 12));
      expect(batches[0][0]).toMatchObject({ stream: 'referral-a', version: 1, data: { n: 0 }, metadata: {} });

      // Up to a chosen position, and from a chosen one; appends after the head asked for are left for next time.
      await store.append('referral-c', newEvents(3), 'no-stream');
      expect([...reader.batches(0, 100, 4)].flat().map((e) => e.position)).toEqual(range(1, 4));
      expect([...reader.batches(10, 100)].flat().map((e) => e.position)).toEqual(range(11, 15));
    } finally {
      reader.close();
      await store.close();
    }
  });

  it('cannot write to the file', async () => {
    const file = join(dir, 'events.sqlite');
    const store = await SqliteEventStore.open({ file });
    await store.append('referral-a', newEvents(1), 'no-stream');
    await store.close();
    const reader = new SqliteEventLogReader(file);
    expect(() => (reader as unknown as { db: BetterSqlite3.Database }).db.exec('DELETE FROM events')).toThrow(/readonly/i);
    reader.close();
  });

  it('refuses a missing file and a SQLite file that is not an event store, saying which', () => {
    expect(() => new SqliteEventLogReader(join(dir, 'nothing.sqlite'))).toThrow(`no event store file at ${join(dir, 'nothing.sqlite')}`);
    const other = join(dir, 'other.sqlite');
    new BetterSqlite3(other).exec('CREATE TABLE t (x)');
    expect(() => new SqliteEventLogReader(other)).toThrow('is not a OneDoor event store');
  });
});
