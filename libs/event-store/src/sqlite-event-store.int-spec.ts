import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { describeEventStoreContract } from './event-store.contract';
import { EventStoreClosedError, WrongExpectedVersionError } from './event-store.errors';
import { RecordedEvent } from './event-store.port';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';
import { SqliteAppendWriter } from './sqlite-append-writer';
import { SqliteWorkerWriter } from './sqlite-worker-writer';
import { newEvent, newEvents, range, readWholeLog, settleAll, waitUntil } from './contract/contract-fixtures';

for (const writer of ['worker', 'inline'] as const) {
  describeEventStoreContract(`SqliteEventStore, writer: '${writer}'`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onedoor-event-store-'));
    const file = join(dir, 'events.sqlite');
    let current = new SqliteEventStore({ file, writer });
    return {
      store: current,
      reopen: async () => (current = new SqliteEventStore({ file, writer })),
      cleanup: async () => {
        await current.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  });
}

/**
 * Records the traffic with writer threads, in order: each group posted (its number of requests) and each
 * answer to one. Restored by jest.restoreAllMocks().
 */
function recordWriterThreadTraffic(): { groups: number[]; mostOutstanding(): number } {
  const log: Array<'posted' | 'answered'> = [];
  const groups: number[] = [];
  const post = Worker.prototype.postMessage;
  jest.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown) {
    const { type, requests } = message as { type?: string; requests?: unknown[] };
    if (type === 'write') {
      groups.push(requests!.length);
      log.push('posted');
    }
    post.call(this, message);
  });
  type Receiving = { receive(message: { type: string }): void };
  const receive = (SqliteWorkerWriter.prototype as unknown as Receiving).receive;
  jest
    .spyOn(SqliteWorkerWriter.prototype as unknown as Receiving, 'receive')
    .mockImplementation(function (this: Receiving, message) {
      if (message.type === 'written' || message.type === 'failed') log.push('answered');
      receive.call(this, message);
    });
  return {
    groups,
    mostOutstanding: () => {
      let outstanding = 0;
      let most = 0;
      for (const entry of log) most = Math.max(most, (outstanding += entry === 'posted' ? 1 : -1));
      return most;
    },
  };
}

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

  it.each([
    { synchronous: 'FULL' as const, level: 2 },
    { synchronous: 'NORMAL' as const, level: 1 },
  ])('commits on a connection of its own with the same pragmas (synchronous $synchronous)', async ({ synchronous, level }) => {
    const store = await SqliteEventStore.open({ file, synchronous });
    open.push(store);
    const inline = openStore({ synchronous, writer: 'inline' });
    const settings = { journalMode: 'wal', synchronous: level, busyTimeoutMs: 5000 };

    expect(await store.writerSettings()).toEqual({ writer: 'worker', ...settings });
    expect(await inline.writerSettings()).toEqual({ writer: 'inline', ...settings });
  });

  it('commits appends made together in one transaction (inline)', async () => {
    const store = openStore({ writer: 'inline' });
    const writeGroup = jest.spyOn(SqliteAppendWriter.prototype, 'writeGroup');
    const results = await Promise.all(range(1, 50).map((i) => store.append(`s-${i}`, [newEvent()], 'no-stream')));

    expect(writeGroup).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(range(1, 50));
    expect(new Set((await store.readAll(0, 100)).map((e) => e.recordedAt)).size).toBe(1);
  });

  it('commits appends made together in one transaction on its writer thread', async () => {
    const store = openStore();
    const traffic = recordWriterThreadTraffic();
    const results = await Promise.all(range(1, 50).map((i) => store.append(`s-${i}`, [newEvent()], 'no-stream')));

    expect(traffic.groups).toEqual([50]);
    expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(range(1, 50));
    expect(new Set((await store.readAll(0, 100)).map((e) => e.recordedAt)).size).toBe(1);
  });

  it('keeps serving while its writer waits, gathering the next group until the one in flight is acknowledged', async () => {
    const store = await SqliteEventStore.open({ file });
    open.push(store);
    const traffic = recordWriterThreadTraffic();
    const release = holdWriteLock(file);

    const first = store.append('first', [newEvent()], 'no-stream');
    await nextTurn(); // posted; the writer thread now waits for the lock
    const later: Promise<unknown>[] = [];
    for (let turn = 0; turn < 5; turn++) {
      later.push(...range(1, 4).map((i) => store.append(`later-${turn}-${i}`, [newEvent()], 'no-stream')));
      await nextTurn();
    }
    expect(await store.headPosition()).toBe(0); // reads run meanwhile on the main connection
    expect(traffic.groups).toEqual([1]);
    release();

    expect(await first).toEqual({ version: 1, position: 1 });
    await Promise.all(later);
    expect(traffic.groups).toEqual([1, 20]);
    expect(traffic.mostOutstanding()).toBe(1);
    expect((await readWholeLog(store)).map((e) => e.position)).toEqual(range(1, 21));
  });

  it('on close, writes both the group in flight and the appends queued behind it', async () => {
    const store = openStore();
    await store.writerSettings();
    const release = holdWriteLock(file);
    const first = store.append('s', newEvents(2), 'no-stream');
    await nextTurn();
    const second = store.append('s', newEvents(1), 2);
    const closing = store.close();
    await expect(store.append('s', [newEvent()], 'any')).rejects.toBeInstanceOf(EventStoreClosedError);
    release();
    await closing;

    expect(await first).toEqual({ version: 2, position: 2 });
    expect(await second).toEqual({ version: 3, position: 3 });
    const reopened = openStore();
    expect((await readWholeLog(reopened)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('ends its writer thread on close', async () => {
    const store = openStore();
    await store.append('s', [newEvent()], 'no-stream');
    let exited = false;
    writerThreadOf(store).once('exit', () => (exited = true));
    await store.close();
    expect(exited).toBe(true);
  });

  it.each(['worker', 'inline'] as const)(
    'fails a whole group when storage fails, as the same SqliteError, writing none of it (writer: %s)',
    async (writer) => {
      const store = openStore({ writer });
      await store.writerSettings();
      const raw = new BetterSqlite3(file);
      raw.exec(`CREATE TRIGGER fail_explode BEFORE INSERT ON events WHEN NEW.type = 'explode'
                BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
      try {
        const { fulfilled, rejected } = await settleAll([
          store.append('good', [newEvent()], 'no-stream'),
          store.append('bad', [newEvent('explode')], 'no-stream'),
        ]);
        expect(fulfilled).toEqual([]);
        expect(rejected).toHaveLength(2);
        for (const error of rejected) {
          // By name, not instanceof: better-sqlite3's native side keeps the SqliteError class of the first Jest
          // module registry that loaded it, so in a full run the class can come from another registry.
          expect(error).toMatchObject({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'disk on fire' });
        }
        raw.exec('DROP TRIGGER fail_explode');
      } finally {
        raw.close();
      }
      expect(await store.append('good', [newEvent()], 'no-stream')).toEqual({ version: 1, position: 1 });
    },
  );

  it('rejects pending appends and refuses new ones if its writer thread dies, still reading and closing', async () => {
    const store = openStore();
    await store.append('s', [newEvent()], 'no-stream');
    const pending = store.append('s', [newEvent()], 1);
    await writerThreadOf(store).terminate();

    await expect(pending).rejects.toBeInstanceOf(EventStoreClosedError);
    const refused = store.append('s', [newEvent()], 'any');
    await expect(refused).rejects.toBeInstanceOf(EventStoreClosedError);
    await expect(refused).rejects.toThrow(/writer thread stopped unexpectedly/);
    expect((await store.readStream('s')).length).toBeGreaterThanOrEqual(1);
    await store.close();
  });

  it('keeps the process alive for a pending append, but not when idle and left open', async () => {
    const script = `
      const { SqliteEventStore } = require('./libs/event-store/src/sqlite-event-store');
      const store = new SqliteEventStore({ file: process.argv[1] });
      store.append('s', [{ id: 'e-1', type: 't', schemaVersion: 1, data: {} }], 'no-stream')
        .then((result) => console.log(JSON.stringify(result)));`;
    const { code, stdout } = await runNode(['-e', script, file]);
    expect({ code, stdout: stdout.trim() }).toEqual({ code: 0, stdout: '{"version":1,"position":1}' });
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

  it('checks append conditions against what another connection committed, not against its own cached versions', async () => {
    const mine = openStore();
    const theirs = openStore();
    await mine.append('person', [newEvent()], 'no-stream'); // mine now caches person at version 1
    await theirs.append('person', [newEvent('consent-withdrawn')], 1);

    await expect(
      mine.append('referral', [newEvent()], 'no-stream', { conditions: [{ stream: 'person', expected: 1 }] }),
    ).rejects.toMatchObject({ stream: 'person', expected: 1, actual: 2 });
    expect(await mine.readStream('referral')).toEqual([]);
    expect(await mine.append('referral', [newEvent()], 'no-stream', { conditions: [{ stream: 'person', expected: 2 }] })).toEqual({
      version: 1,
      position: 3,
    });
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

  it("hands its subscriptions its own commits and another connection's in between, each once and in order, with the stored fields", async () => {
    const mine = openStore({ pollIntervalMs: 10 });
    const theirs = openStore();
    const seen: RecordedEvent[] = [];
    const subscription = mine.subscribe(0, (e) => void seen.push(e));
    await mine.append('a', newEvents(2), 'no-stream');
    await theirs.append('b', newEvents(3), 'no-stream');
    await mine.append('a', newEvents(2), 2); // follows their commit: a gap in what this store wrote itself
    await Promise.all([mine.append('c', [newEvent()], 'no-stream'), mine.append('a', newEvents(1), 4)]);
    await mine.append('a', [newEvent()], 'no-stream').catch(() => undefined); // refused: writes nothing
    await theirs.append('b', newEvents(1), 3);

    await waitUntil(() => seen.length === 10, 'every event arrives');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen.map((e) => e.position)).toEqual(range(1, 10));
    expect(seen).toEqual(await readWholeLog(theirs));
    await subscription.stop();
  });

  it('serves its subscriptions its own commits from the writer\'s answer, without reading the table again', async () => {
    for (const writer of ['worker', 'inline'] as const) {
      const store = openStore({ writer, pollIntervalMs: 0 });
      await store.append(`before-${writer}`, newEvents(3), 'no-stream');
      const seen: number[] = [];
      const subscription = store.subscribe(0, (e) => void seen.push(e.position));
      await waitUntil(() => seen.length === 3, 'the stored events arrive');
      const tableReads = jest.spyOn((store as unknown as { statements: { readAll: { all(): unknown } } }).statements.readAll, 'all');

      for (let i = 0; i < 5; i++) await store.append(`live-${writer}`, newEvents(2), i === 0 ? 'no-stream' : 2 * i);
      await waitUntil(() => seen.length === 13, 'the live events arrive');
      expect(seen).toEqual(range(1, 13));
      expect(tableReads).not.toHaveBeenCalled();
      await subscription.stop();
      await store.close();
      await rm(file, { force: true });
      await rm(`${file}-wal`, { force: true });
      await rm(`${file}-shm`, { force: true });
    }
  });
});

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function writerThreadOf(store: SqliteEventStore): Worker {
  return (store as unknown as { workerWriter: { worker: Worker } }).workerWriter.worker;
}

/** Another connection takes the write lock (as another process might) until the returned function is called. */
function holdWriteLock(file: string): () => void {
  const raw = new BetterSqlite3(file);
  raw.exec('BEGIN IMMEDIATE');
  return () => {
    raw.exec('ROLLBACK');
    raw.close();
  };
}

const repoRoot = join(__dirname, '..', '..', '..');

/** Runs node from the repository root with the TypeScript sources loadable; resolves once it exits by itself. */
function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.on('error', reject);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
