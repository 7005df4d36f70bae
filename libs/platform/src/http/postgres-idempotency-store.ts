import type { Pool } from 'pg';
import { createTablesOnce, quotedSchemaName } from '@onedoor/event-store';
import { IdempotencyStore, personMention, StoredResponse } from './idempotency-store';

/**
 * Stored first answers in PostgreSQL, beside the log, shared by every instance: a retry is answered from here
 * whichever instance took the first request, and a key's claim keeps two instances from running it at once. Like PostgresPersonKeyStore, a forgotten answer's row stays in its
 * page until VACUUM reuses the space (PostgreSQL has no secure delete).
 */
export class PostgresIdempotencyStore extends IdempotencyStore {
  private constructor(
    /** Shared with the caller, who ends it after close(). */
    private readonly pool: Pool,
    private readonly table: string,
    private readonly claims: string,
  ) {
    super();
  }

  static async open({ pool, schema }: { pool: Pool; schema: string }): Promise<PostgresIdempotencyStore> {
    const quoted = quotedSchemaName(schema);
    const store = new PostgresIdempotencyStore(pool, `${quoted}.idempotent_requests`, `${quoted}.idempotent_claims`);
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
      `CREATE TABLE IF NOT EXISTS ${store.claims} (
         scope_key  text        PRIMARY KEY,
         held_until timestamptz NOT NULL
       )`,
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

  /** One statement: a new key, or one whose claim lapsed, is taken; a held one is not (the row lock orders racers). */
  async claim(scopeKey: string, holdMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.claims} AS c (scope_key, held_until) VALUES ($1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (scope_key) DO UPDATE SET held_until = EXCLUDED.held_until WHERE c.held_until < now()`,
      [scopeKey, holdMs],
    );
    return rowCount === 1;
  }

  async release(scopeKey: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.claims} WHERE scope_key = $1`, [scopeKey]);
  }

  async forgetPerson(personId: string): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE strpos(body, $1) > 0`, [personMention(personId)]);
    return rowCount ?? 0;
  }

  async expireOlderThan(cutoff: Date): Promise<number> {
    // Lapsed claims of attempts whose process died go too (they are never released).
    await this.pool.query(`DELETE FROM ${this.claims} WHERE held_until < $1`, [cutoff]);
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE created_at < $1`, [cutoff]);
    return rowCount ?? 0;
  }

  /** The pool is the caller's. */
  async close(): Promise<void> {}
}
