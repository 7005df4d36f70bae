import type { Pool } from 'pg';
import { openRelayTables, qualified, RelayPostgresOptions } from '../postgres/relay-postgres';
import { RelayLedger } from './relay-ledger';

/**
 * The relay ledger in PostgreSQL (tables `relay_lease` and `relay_checkpoint` in the deployment's schema), so
 * relay processes on any machine share one lease: exactly one publishes.
 *
 * The fenced advance is one statement: it takes a share lock on the lease row only if `owner` holds it unexpired,
 * and writes the checkpoint only then. A concurrent takeover (an UPDATE of that row) waits for the advance to commit,
 * or, if it committed first, the advance re-reads the row, sees another owner and writes nothing. Positions are
 * bigint: read back as text by `pg`, turned into numbers here (log positions stay far below 2^53).
 */
export class PostgresRelayLedger extends RelayLedger {
  private constructor(private readonly pool: Pool, private readonly lease: string, private readonly checkpoints: string, private readonly name: string) {
    super();
  }

  static async open(options: RelayPostgresOptions, name = 'kafka'): Promise<PostgresRelayLedger> {
    const lease = qualified(options.schema, 'relay_lease');
    const checkpoints = qualified(options.schema, 'relay_checkpoint');
    const pool = await openRelayTables(options, 'relay-ledger', [
      `CREATE TABLE IF NOT EXISTS ${lease} (name text PRIMARY KEY, owner text NOT NULL, expires_at bigint NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS ${checkpoints} (name text PRIMARY KEY, position bigint NOT NULL)`,
    ]);
    return new PostgresRelayLedger(pool, lease, checkpoints, name);
  }

  async tryAcquire(owner: string, now: number, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.lease} AS lease (name, owner, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE lease.owner = excluded.owner OR lease.expires_at <= $4`,
      [this.name, owner, now + ttlMs, now],
    );
    return rowCount === 1;
  }

  async renew(owner: string, now: number, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(`UPDATE ${this.lease} SET expires_at = $1 WHERE name = $2 AND owner = $3 AND expires_at > $4`, [now + ttlMs, this.name, owner, now]);
    return rowCount === 1;
  }

  async release(owner: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.lease} WHERE name = $1 AND owner = $2`, [this.name, owner]);
  }

  async holder(now: number): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ owner: string }>(`SELECT owner FROM ${this.lease} WHERE name = $1 AND expires_at > $2`, [this.name, now]);
    return rows[0]?.owner;
  }

  async checkpoint(): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${this.checkpoints} WHERE name = $1`, [this.name]);
    return rows.length === 0 ? 0 : Number(rows[0].position);
  }

  async advance(owner: string, position: number, now: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `WITH held AS (SELECT 1 FROM ${this.lease} WHERE name = $1 AND owner = $3 AND expires_at > $4 FOR SHARE)
       INSERT INTO ${this.checkpoints} AS checkpoint (name, position) SELECT $1, $2 FROM held
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(checkpoint.position, excluded.position)`,
      [this.name, position, owner, now],
    );
    return rowCount === 1;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
