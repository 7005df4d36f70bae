import { escapeIdentifier, Pool, PoolConfig } from 'pg';
import { createTablesOnce, quotedSchemaName } from '@onedoor/event-store';
import { postgresPoolSettings, type OnedoorConfig } from '@onedoor/platform';

export { inTransaction } from '@onedoor/event-store';

/** Where a relay store's tables live: how to make its pool (the store owns it: close() ends it) and the schema. */
export interface RelayPostgresOptions {
  pool: PoolConfig;
  schema: string;
}

/** The relay stores' PostgreSQL settings from the configuration: each store keeps a small pool of its own. */
export function relayPostgresOptions(config: OnedoorConfig): RelayPostgresOptions {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL must be set when EVENT_STORE is postgres');
  return { pool: { ...postgresPoolSettings(config.DATABASE_URL), max: 4 }, schema: config.DATABASE_SCHEMA };
}

/** A schema-qualified, quoted table name. */
export function qualified(schema: string, table: string): string {
  return `${quotedSchemaName(schema)}.${escapeIdentifier(table)}`;
}

/** Opens the pool and creates the schema and tables when absent (createTablesOnce); ends the pool if it cannot. */
export async function openRelayTables(options: RelayPostgresOptions, purpose: string, statements: string[]): Promise<Pool> {
  qualified(options.schema, purpose);
  const pool = new Pool(options.pool);
  // An idle connection dropped by the server makes the pool emit 'error'; unheard, that would end the process.
  pool.on('error', () => undefined);
  try {
    await createTablesOnce(pool, options.schema, statements);
    return pool;
  } catch (error) {
    await pool.end();
    // Named for the operator; the message of pg's error never holds the password.
    throw new Error(`the relay's ${purpose} store could not open its tables in PostgreSQL schema ${options.schema}: ${(error as Error).message}`);
  }
}
