import BetterSqlite3, { Database } from 'better-sqlite3';

/** FULL: an acknowledged append survives power loss. NORMAL: survives a process crash only. */
export type SynchronousMode = 'FULL' | 'NORMAL';

/** What a connection actually runs with, read back from SQLite. */
export interface ConnectionSettings {
  journalMode: string;
  /** 2 = FULL, 1 = NORMAL. */
  synchronous: number;
  busyTimeoutMs: number;
}

/**
 * Opens a connection to the event store file with the pragmas every connection of the store uses (the
 * main thread's and the writer thread's alike): WAL, the requested synchronous mode, and a busy timeout.
 * `synchronous` is per connection, so the connection that commits must set it itself.
 */
export function openEventDatabase(file: string, synchronous: SynchronousMode = 'FULL'): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    // Another connection (the other thread, another process, a migration) may briefly hold the write lock.
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function readConnectionSettings(db: Database): ConnectionSettings {
  return {
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    busyTimeoutMs: db.pragma('busy_timeout', { simple: true }) as number,
  };
}
