import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { PersonKeyStore } from './person-key-store';

/**
 * Keys in their own SQLite file, apart from the events. secure_delete overwrites a destroyed key's bytes
 * on disk, and the rollback journal (not WAL) means no stale copy lingers in a write-ahead log.
 */
export class SqlitePersonKeyStore implements PersonKeyStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { key: Buffer }>;
  private readonly insert: Database.Statement<[string, Buffer, string]>;
  private readonly remove: Database.Statement<[string]>;
  /** Keys are read on every projection of a sealed field; the cache keeps that off the disk. */
  private readonly cache = new Map<string, Buffer | null>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.exec('CREATE TABLE IF NOT EXISTS person_keys (person_id TEXT PRIMARY KEY, key BLOB NOT NULL, created_at TEXT NOT NULL)');
    this.select = this.db.prepare('SELECT key FROM person_keys WHERE person_id = ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO person_keys (person_id, key, created_at) VALUES (?, ?, ?)');
    this.remove = this.db.prepare('DELETE FROM person_keys WHERE person_id = ?');
  }

  async obtain(personId: string): Promise<Buffer> {
    const existing = this.find(personId);
    if (existing) return existing;
    this.insert.run(personId, randomBytes(32), new Date().toISOString());
    this.cache.delete(personId);
    return this.find(personId)!;
  }

  find(personId: string): Buffer | undefined {
    if (!this.cache.has(personId)) this.cache.set(personId, this.select.get(personId)?.key ?? null);
    return this.cache.get(personId) ?? undefined;
  }

  /** One process owns the file, so what it knows is what is stored. */
  async lookup(personId: string): Promise<Buffer | undefined> {
    return this.find(personId);
  }

  async destroy(personId: string): Promise<void> {
    this.remove.run(personId);
    this.cache.set(personId, null);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
