import Database from 'better-sqlite3';
import { IdempotencyStore, personMention, StoredResponse } from './idempotency-store';

/**
 * Stored first answers in their own SQLite file (requests.sqlite), for the embedded deployment's one process. Claims
 * live in that process's memory: a crash frees them at once, so a retry after a restart runs straight away.
 */
export class SqliteIdempotencyStore extends IdempotencyStore {
  private readonly db: Database.Database;
  private readonly claims = new Map<string, number>();
  private readonly select: Database.Statement<[string], { fingerprint: string; status_code: number; headers: string; body: string }>;
  private readonly insert: Database.Statement<[string, string, number, string, string, string]>;
  private readonly forgetMentions: Database.Statement<[string]>;
  private readonly expire: Database.Statement<[string]>;

  constructor(file: string) {
    super();
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // First answers can carry a person's details: a forgotten one must not linger in free pages.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotent_requests (
      scope_key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status_code INTEGER NOT NULL,
      headers TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)`);
    this.select = this.db.prepare('SELECT fingerprint, status_code, headers, body FROM idempotent_requests WHERE scope_key = ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO idempotent_requests VALUES (?, ?, ?, ?, ?, ?)');
    this.forgetMentions = this.db.prepare('DELETE FROM idempotent_requests WHERE instr(body, ?) > 0');
    this.expire = this.db.prepare('DELETE FROM idempotent_requests WHERE created_at < ?');
  }

  async find(scopeKey: string): Promise<StoredResponse | undefined> {
    const row = this.select.get(scopeKey);
    return row && { fingerprint: row.fingerprint, statusCode: row.status_code, headers: JSON.parse(row.headers), body: row.body };
  }

  async save(scopeKey: string, response: StoredResponse): Promise<void> {
    this.insert.run(scopeKey, response.fingerprint, response.statusCode, JSON.stringify(response.headers), response.body, new Date().toISOString());
  }

  async claim(scopeKey: string, holdMs: number): Promise<boolean> {
    const heldUntil = this.claims.get(scopeKey);
    if (heldUntil !== undefined && heldUntil >= Date.now()) return false;
    this.claims.set(scopeKey, Date.now() + holdMs);
    return true;
  }

  async release(scopeKey: string): Promise<void> {
    this.claims.delete(scopeKey);
  }

  async forgetPerson(personId: string): Promise<number> {
    const forgotten = this.forgetMentions.run(personMention(personId)).changes;
    // The write-ahead log still holds the old pages: fold it in and empty it.
    if (forgotten > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return forgotten;
  }

  async expireOlderThan(cutoff: Date): Promise<number> {
    return this.expire.run(cutoff.toISOString()).changes;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
