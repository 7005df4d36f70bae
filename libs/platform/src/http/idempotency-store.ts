import Database from 'better-sqlite3';

export interface StoredResponse {
  fingerprint: string;
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** First answers to requests that carried an Idempotency-Key, so a repeat gets the same answer and writes nothing. */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { fingerprint: string; status_code: number; headers: string; body: string }>;
  private readonly insert: Database.Statement<[string, string, number, string, string, string]>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotent_requests (
      scope_key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status_code INTEGER NOT NULL,
      headers TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)`);
    this.select = this.db.prepare('SELECT fingerprint, status_code, headers, body FROM idempotent_requests WHERE scope_key = ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO idempotent_requests VALUES (?, ?, ?, ?, ?, ?)');
  }

  find(scopeKey: string): StoredResponse | undefined {
    const row = this.select.get(scopeKey);
    return row && { fingerprint: row.fingerprint, statusCode: row.status_code, headers: JSON.parse(row.headers), body: row.body };
  }

  save(scopeKey: string, response: StoredResponse): void {
    this.insert.run(scopeKey, response.fingerprint, response.statusCode, JSON.stringify(response.headers), response.body, new Date().toISOString());
  }

  close(): void {
    this.db.close();
  }
}
