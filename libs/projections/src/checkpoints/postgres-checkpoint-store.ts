import { createTablesOnce, quotedSchemaName } from '@onedoor/event-store';
import { Pool, PoolConfig } from 'pg';
import { CheckpointStore, ReadModelCheckpoint } from './checkpoint-store';

interface Row {
  position: string;
  event_id: string;
  versions: Record<string, number>;
  state: Buffer;
}

/**
 * Checkpoints in PostgreSQL, in the consortium's schema (DATABASE_SCHEMA) beside its event log, for the
 * distributed deployment: a service restarted on another machine finds its checkpoint there. Each runner name
 * is one row; an instance of a service and its restarted successor share it.
 */
export class PostgresCheckpointStore extends CheckpointStore {
  private readonly table: string;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    super();
    this.table = `${quotedSchemaName(schema)}.read_model_checkpoints`;
  }

  /** Opens the store, creating the schema and table when absent. The store owns the pool: close() ends it. */
  static async open(options: { pool: Pool | PoolConfig; schema: string }): Promise<PostgresCheckpointStore> {
    quotedSchemaName(options.schema);
    const pool = options.pool instanceof Pool ? options.pool : new Pool(options.pool);
    const store = new PostgresCheckpointStore(pool, options.schema);
    try {
      await createTablesOnce(pool, options.schema, [
        `CREATE TABLE IF NOT EXISTS ${store.table} (
        runner text PRIMARY KEY,
        position bigint NOT NULL,
        event_id text NOT NULL,
        versions jsonb NOT NULL,
        state bytea NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      )`,
      ]);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  async load(runner: string): Promise<ReadModelCheckpoint | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT position, event_id, versions, state FROM ${this.table} WHERE runner = $1`, [runner]);
    const row = rows[0];
    return row && { position: Number(row.position), eventId: row.event_id, versions: row.versions, state: row.state };
  }

  async save(runner: string, checkpoint: ReadModelCheckpoint): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (runner, position, event_id, versions, state, saved_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (runner) DO UPDATE SET position = excluded.position, event_id = excluded.event_id, versions = excluded.versions, state = excluded.state, saved_at = excluded.saved_at`,
      [runner, checkpoint.position, checkpoint.eventId, JSON.stringify(checkpoint.versions), checkpoint.state],
    );
  }

  async remove(runner: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE runner = $1`, [runner]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
