import { escapeIdentifier, Pool, PoolClient, PoolConfig } from 'pg';
import type { OnedoorConfig } from '@onedoor/platform';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Where a relay store's tables live: how to make its pool (the store owns it: close() ends it) and the schema. */
export interface RelayPostgresOptions {
  pool: PoolConfig;
  schema: string;
}

/**
 * The relay stores' PostgreSQL settings from the configuration. Written here, in apps/relay, because
 * libs/platform has no pool-from-config helper yet; each store keeps a small pool of its own.
 */
export function relayPostgresOptions(config: OnedoorConfig): RelayPostgresOptions {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL must be set when EVENT_STORE is postgres');
  // A server that does not answer fails the start after 10 s rather than hanging it.
  return { pool: { connectionString: config.DATABASE_URL, max: 4, connectionTimeoutMillis: 10_000 }, schema: config.DATABASE_SCHEMA };
}

/** A schema-qualified, quoted table name. */
export function qualified(schema: string, table: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new TypeError(`schema must be a lower-case SQL identifier (letters, digits, _; at most 63), got ${JSON.stringify(schema)}`);
  return `${escapeIdentifier(schema)}.${escapeIdentifier(table)}`;
}

/**
 * Opens the pool and creates the schema and tables when absent. An advisory lock keeps two processes starting
 * at once from racing on CREATE (IF NOT EXISTS alone does not). Ends the pool if it cannot.
 */
export async function openRelayTables(options: RelayPostgresOptions, purpose: string, statements: string[]): Promise<Pool> {
  qualified(options.schema, purpose);
  const pool = new Pool(options.pool);
  // An idle connection dropped by the server makes the pool emit 'error'; unheard, that would end the process.
  pool.on('error', () => undefined);
  try {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`onedoor-relay-schema:${options.schema}:${purpose}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(options.schema)}`);
      for (const statement of statements) await client.query(statement);
    });
    return pool;
  } catch (error) {
    await pool.end();
    // Named for the operator; the message of pg's error never holds the password.
    throw new Error(`the relay's ${purpose} store could not open its tables in PostgreSQL schema ${options.schema}: ${(error as Error).message}`);
  }
}

/** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
