import BetterSqlite3 from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventLogReader } from './sqlite-event-log-reader';
import { SqliteEventStore } from './sqlite-event-store';
import { prepareEventStatements } from './sqlite-event-table';
import { readWholeLog } from './contract/contract-fixtures';

/** A file as schema 1 wrote it (before the idempotency index), with events from before and one that names a request. */
function writeSchemaOneFile(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL, version INTEGER NOT NULL,
    type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
    UNIQUE (stream, version))`);
  const insert = db.prepare('INSERT INTO events (id, stream, version, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)');
  insert.run('e1', 'referral-1', 1, 'ReferralCreated', '{"referralId":"1"}', '{"staffId":"s"}', '2026-01-01T00:00:00.000Z');
  insert.run('e2', 'referral-1', 2, 'ReferralRouted', '{"referralId":"1"}', '{"staffId":"s","idempotencyId":"request-1"}', '2026-01-01T00:00:01.000Z');
  db.pragma('user_version = 1');
  db.close();
}

const userVersion = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

describe('event table schema', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onedoor-event-table-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('a schema 1 file is migrated on open: old events read as before, and a request’s events are found by the index', async () => {
    writeSchemaOneFile(file);
    const store = await SqliteEventStore.open({ file });
    try {
      expect(userVersion(file)).toBe(2);
      expect((await readWholeLog(store)).map((e) => [e.id, e.position, e.version, e.metadata])).toEqual([
        ['e1', 1, 1, { staffId: 's' }],
        ['e2', 2, 2, { staffId: 's', idempotencyId: 'request-1' }],
      ]);
      expect((await store.readByIdempotencyId('request-1')).map((e) => e.id)).toEqual(['e2']);
      const appended = await store.append('referral-1', [{ id: 'e3', type: 'ReferralAccepted', schemaVersion: 1, data: {}, metadata: { idempotencyId: 'request-2' } }], 2);
      expect(appended).toEqual({ version: 3, position: 3 });
      expect((await store.readByIdempotencyId('request-2')).map((e) => e.id)).toEqual(['e3']);
    } finally {
      await store.close();
    }
  });

  it('the lookup is an index search, not a scan of the log', async () => {
    await (await SqliteEventStore.open({ file })).close();
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      const lookup = prepareEventStatements(db).readByIdempotencyId.source;
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${lookup}`).all('request-1') as Array<{ detail: string }>;
      expect(plan.map((step) => step.detail)).toEqual([expect.stringMatching(/^SEARCH events USING INDEX events_by_idempotency_id/)]);
    } finally {
      db.close();
    }
  });

  it('reopening a migrated file changes nothing, and a file from a newer build is refused', async () => {
    await (await SqliteEventStore.open({ file })).close();
    await (await SqliteEventStore.open({ file })).close();
    expect(userVersion(file)).toBe(2);
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 3');
    db.close();
    expect(() => new SqliteEventStore({ file })).toThrow('event store file has schema 3; this build knows up to 2');
  });

  it('the read-only log reader reads a schema 1 file without migrating it', () => {
    writeSchemaOneFile(file);
    const reader = new SqliteEventLogReader(file);
    try {
      expect([...reader.batches()].flat().map((e) => e.id)).toEqual(['e1', 'e2']);
    } finally {
      reader.close();
    }
    expect(userVersion(file)).toBe(1);
  });
});
