import { randomBytes } from 'node:crypto';
import { escapeIdentifier, Pool, PoolConfig } from 'pg';

/**
 * The test PostgreSQL on 127.0.0.1:5432 (trust auth, database `test`), as `test/run-all.sh` starts it.
 * PGUSER overrides the user (default `postgres`).
 */
export function testDatabaseConfig(overrides: PoolConfig = {}): PoolConfig {
  return {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    database: process.env.PGDATABASE ?? 'test',
    max: 5,
    ...overrides,
  };
}

/** A schema name no other test uses: `onedoor_test_<random>`. */
export function freshSchemaName(): string {
  return `onedoor_test_${randomBytes(6).toString('hex')}`;
}

/** Drops a test's schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const pool = new Pool(testDatabaseConfig({ max: 1 }));
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
  } finally {
    await pool.end();
  }
}
