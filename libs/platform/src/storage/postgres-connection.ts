import { Pool, PoolConfig } from 'pg';

/** A server that does not answer fails the start after this long, rather than hanging it. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Pool settings for DATABASE_URL. */
export function postgresPoolSettings(databaseUrl: string): PoolConfig {
  return { connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
}

/**
 * A pool for DATABASE_URL. An idle connection that drops (a server restart) makes the pool emit 'error', which
 * unheard would end the process; the next query opens a fresh connection instead.
 */
export function postgresPool(databaseUrl: string): Pool {
  const pool = new Pool(postgresPoolSettings(databaseUrl));
  pool.on('error', () => undefined);
  return pool;
}

/** DATABASE_URL fit for a log line or an error message: the password replaced. */
export function redactedDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(DATABASE_URL, not a valid URL)';
  }
}
