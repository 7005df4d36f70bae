import { escapeIdentifier, Pool, PoolClient } from 'pg';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A schema name checked and quoted for SQL. Everything OneDoor keeps in PostgreSQL (the log, person keys, stored
 * answers, the relay's files) lives in one schema per consortium, whose name is interpolated into statements:
 * only plain lower-case identifiers are accepted, so a name can never carry SQL.
 */
export function quotedSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new TypeError(`schema must be a lower-case SQL identifier (letters, digits, _; at most 63), got ${JSON.stringify(schema)}`);
  }
  return escapeIdentifier(schema);
}

/**
 * Creates the schema when absent, then runs `statements` (CREATE … IF NOT EXISTS), in one transaction under an
 * advisory lock on the schema's name. Every store of a schema (the log, person keys, stored answers, the relay's)
 * takes the same lock, because IF NOT EXISTS alone is not safe when two first starts race: two concurrent
 * CREATE SCHEMA IF NOT EXISTS can both try to insert the schema and one fails on pg_namespace's unique index.
 */
export async function createTablesOnce(pool: Pool, schema: string, statements: readonly string[]): Promise<void> {
  const quoted = quotedSchemaName(schema);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`onedoor-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    for (const statement of statements) await client.query(statement);
  });
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
