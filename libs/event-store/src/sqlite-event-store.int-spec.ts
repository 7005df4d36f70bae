import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describeEventStoreContract } from './event-store.contract';
import { WrongExpectedVersionError } from './event-store.errors';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';
import { SqliteAppendWriter } from './sqlite-append-writer';
import { newEvent, newEvents, range, readWholeLog, waitUntil } from './contract/contract-fixtures';

describeEventStoreContract('SqliteEventStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'onedoor-event-store-'));
  const file = join(dir, 'events.sqlite');
  let current = new SqliteEventStore({ file });
  return {
    store: current,
    reopen: async () => (current = new SqliteEventStore({ file })),
    cleanup: async () => {
      await current.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore on a file', () => {
  let dir: string;
  let file: string;
  const open: SqliteEventStore[] = [];
  const openStore = (options: Partial<SqliteEventStoreOptions> = {}) => {
    const store = new SqliteEventStore({ file, ...options });
    open.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onedoor-event-store-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('uses write-ahead logging', async () => {
    openStore();
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('commits appends made together in one transaction', async () => {
    const store = openStore();
    const writeGroup = jest.spyOn(SqliteAppendWriter.prototype, 'writeGroup');
    const results = await Promise.all(range(1, 50).map((i) => store.append(`s-${i}`, [newEvent()], 'no-stream')));

    expect(writeGroup).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(range(1, 50));
    expect(new Set((await store.readAll(0, 100)).map((e) => e.recordedAt)).size).toBe(1);
  });

  it('keeps the rules when another connection writes the same streams', async () => {
    const mine = openStore();
    const theirs = openStore();
    await mine.append('s', [newEvent()], 'no-stream'); // mine now caches version 1
    await theirs.append('s', [newEvent()], 1);

    await expect(mine.append('s', [newEvent()], 1)).rejects.toMatchObject({ actual: 2 });
    expect(await mine.append('s', [newEvent()], 'any')).toEqual({ version: 3, position: 3 });
    await theirs.append('s', [newEvent()], 3);
    await expect(mine.append('s', [newEvent()], 'no-stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await mine.append('s', [newEvent()], 4)).toEqual({ version: 5, position: 5 });
    expect((await readWholeLog(theirs)).map((e) => e.version)).toEqual(range(1, 5));
  });

  it('lets a subscription see what another connection appends, by polling', async () => {
    const reader = openStore({ pollIntervalMs: 10 });
    const writer = openStore();
    const seen: number[] = [];
    const subscription = reader.subscribe(0, (e) => void seen.push(e.position));
    await writer.append('s', newEvents(3), 'no-stream');

    await waitUntil(() => seen.length === 3, 'the other connection’s events arrive');
    expect(seen).toEqual([1, 2, 3]);
    await subscription.stop();
  });
});
