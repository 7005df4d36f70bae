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
 * Runs `statements` (CREATE … IF NOT EXISTS) in one transaction under an advisory lock named `lockName`: harmless to
 * run again, and from several processes at once, which IF NOT EXISTS alone is not (two first starts race on CREATE).
 */
export async function createTablesOnce(pool: Pool, lockName: string, statements: readonly string[]): Promise<void> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
