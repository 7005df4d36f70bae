import type { Pool } from 'pg';
import { createTablesOnce, quotedSchemaName } from '@onedoor/event-store';
import { IdempotencyStore, personMention, StoredResponse } from './idempotency-store';

/**
 * Stored first answers in PostgreSQL, beside the log, shared by every instance: a retry is answered from here
 * whichever instance took the first request. Like PostgresPersonKeyStore, a forgotten answer's row stays in its
 * page until VACUUM reuses the space (PostgreSQL has no secure delete).
 */
export class PostgresIdempotencyStore extends IdempotencyStore {
  private constructor(
    /** Shared with the caller, who ends it after close(). */
    private readonly pool: Pool,
    private readonly table: string,
  ) {
    super();
  }

  static async open({ pool, schema }: { pool: Pool; schema: string }): Promise<PostgresIdempotencyStore> {
    const quoted = quotedSchemaName(schema);
    const store = new PostgresIdempotencyStore(pool, `${quoted}.idempotent_requests`);
    await createTablesOnce(pool, schema, [
      `CREATE TABLE IF NOT EXISTS ${store.table} (
         scope_key   text        PRIMARY KEY,
         fingerprint text        NOT NULL,
         status_code integer     NOT NULL,
         headers     json        NOT NULL,
         body        text        NOT NULL,
         created_at  timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX IF NOT EXISTS idempotent_requests_by_age ON ${store.table} (created_at)`,
    ]);
    return store;
  }

  async find(scopeKey: string): Promise<StoredResponse | undefined> {
    const { rows } = await this.pool.query<{ fingerprint: string; status_code: number; headers: Record<string, string>; body: string }>(
      `SELECT fingerprint, status_code, headers, body FROM ${this.table} WHERE scope_key = $1`,
      [scopeKey],
    );
    const row = rows[0];
    return row && { fingerprint: row.fingerprint, statusCode: row.status_code, headers: row.headers, body: row.body };
  }

  async save(scopeKey: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (scope_key, fingerprint, status_code, headers, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope_key) DO NOTHING`,
      [scopeKey, response.fingerprint, response.statusCode, JSON.stringify(response.headers), response.body],
    );
  }

  async forgetPerson(personId: string): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE strpos(body, $1) > 0`, [personMention(personId)]);
    return rowCount ?? 0;
  }

  async expireOlderThan(cutoff: Date): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE created_at < $1`, [cutoff]);
    return rowCount ?? 0;
  }

  /** The pool is the caller's. */
  async close(): Promise<void> {}
}
