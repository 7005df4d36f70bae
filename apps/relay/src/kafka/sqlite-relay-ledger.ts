import Database from 'better-sqlite3';
import { RelayLedger } from './relay-ledger';

/**
 * The relay ledger in one small SQLite file beside the event store (relay.sqlite), shared by the relay
 * processes of one machine. The lease and the checkpoint are in one file so the fenced advance is one statement.
 */
export class SqliteRelayLedger extends RelayLedger {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteRelayLedger['prepare']>;

  constructor(file: string, private readonly name = 'kafka') {
    super();
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      // A checkpoint lost to a power cut only means some events are sent again (at-least-once), never skipped.
      this.db.pragma('synchronous = NORMAL');
      // Another instance may hold the write lock for a moment while it renews its lease.
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(`CREATE TABLE IF NOT EXISTS relay_lease (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS relay_checkpoint (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`);
      this.statements = this.prepare();
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async tryAcquire(owner: string, now: number, ttlMs: number): Promise<boolean> {
    return this.statements.acquire.run({ name: this.name, owner, expiresAt: now + ttlMs, now }).changes === 1;
  }

  async renew(owner: string, now: number, ttlMs: number): Promise<boolean> {
    return this.statements.renew.run(now + ttlMs, this.name, owner, now).changes === 1;
  }

  async release(owner: string): Promise<void> {
    this.statements.release.run(this.name, owner);
  }

  async holder(now: number): Promise<string | undefined> {
    return this.statements.holder.get(this.name, now)?.owner;
  }

  async checkpoint(): Promise<number> {
    return this.statements.checkpoint.get(this.name)?.position ?? 0;
  }

  async advance(owner: string, position: number, now: number): Promise<boolean> {
    return this.statements.advance.run({ name: this.name, position, owner, now }).changes === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private prepare() {
    return {
      acquire: this.db.prepare<[{ name: string; owner: string; expiresAt: number; now: number }]>(
        `INSERT INTO relay_lease (name, owner, expires_at) VALUES (@name, @owner, @expiresAt)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE relay_lease.owner = excluded.owner OR relay_lease.expires_at <= @now`,
      ),
      renew: this.db.prepare<[number, string, string, number]>('UPDATE relay_lease SET expires_at = ? WHERE name = ? AND owner = ? AND expires_at > ?'),
      release: this.db.prepare<[string, string]>('DELETE FROM relay_lease WHERE name = ? AND owner = ?'),
      holder: this.db.prepare<[string, number], { owner: string }>('SELECT owner FROM relay_lease WHERE name = ? AND expires_at > ?'),
      checkpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM relay_checkpoint WHERE name = ?'),
      // Fenced in one statement: the row is written only if the lease row says `owner` still holds it.
      advance: this.db.prepare<[{ name: string; position: number; owner: string; now: number }]>(
        `INSERT INTO relay_checkpoint (name, position)
         SELECT @name, @position WHERE EXISTS (SELECT 1 FROM relay_lease WHERE name = @name AND owner = @owner AND expires_at > @now)
         ON CONFLICT (name) DO UPDATE SET position = max(relay_checkpoint.position, excluded.position)`,
      ),
    };
  }
}
