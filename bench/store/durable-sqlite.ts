import BetterSqlite3, { Database } from 'better-sqlite3';
import { createEventTable } from '@onedoor/event-store/sqlite-event-table';

/**
 * The durability both sides run with: WAL journal, synchronous=FULL (the WAL is fsynced at every
 * COMMIT, so an acknowledged write survives power loss). The SqliteEventStore is opened with
 * `synchronous: 'FULL'`, which sets the same pragmas (plus busy_timeout, which costs nothing uncontended).
 */
export const DURABILITY = { journalMode: 'wal', synchronous: 'FULL' } as const;

/** synchronous pragma values as SQLite reports them. */
const SYNCHRONOUS_FULL = 2;

/** A raw better-sqlite3 connection with the store's own table (same DDL, same indexes). */
export function openRawEventDatabase(file: string): Database {
  const db = new BetterSqlite3(file);
  db.pragma(`journal_mode = ${DURABILITY.journalMode}`);
  db.pragma(`synchronous = ${DURABILITY.synchronous}`);
  db.pragma('busy_timeout = 5000');
  createEventTable(db);
  assertDurable(db);
  return db;
}

export function assertDurable(db: Database): void {
  const journal = db.pragma('journal_mode', { simple: true });
  const synchronous = db.pragma('synchronous', { simple: true });
  if (journal !== DURABILITY.journalMode || synchronous !== SYNCHRONOUS_FULL) {
    throw new Error(`raw baseline is not durable as intended: journal_mode=${journal}, synchronous=${synchronous}`);
  }
}
