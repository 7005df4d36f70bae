import { getPostgreSQLEventStore, PostgresEventStore as EmmettEventStore } from '@event-driven-io/emmett-postgresql';
import { escapeIdentifier, Pool, PoolConfig, types } from 'pg';
import { appendFromCallers } from './concurrent-callers';
import type { StreamEvent } from './referral-events';

/**
 * Emmett keeps its tables (emt_streams, emt_messages, …) in the default schema under fixed names, so it gets a
 * database of its own rather than a schema; the bench creates it when it is absent.
 */
export const EMMETT_DATABASE = 'emmett_bench';

/** int8, json, jsonb: the types whose global parsers dumbo (Emmett's driver layer) replaces on its first pool. */
const PARSED_BY_DUMBO = [20, 114, 3802];
const pgDefaultParsers = new Map(PARSED_BY_DUMBO.map((oid) => [oid, types.getTypeParser(oid)]));
let dumboParsers: Map<number, (value: string) => unknown> | undefined;

/**
 * Emmett's PostgreSQL store (`@event-driven-io/emmett-postgresql`) doing the benchmark's appends: one
 * `appendToStream` per event to its own new stream, over a node-postgres pool of the same size as ours.
 * Each append is Emmett's own transaction (BEGIN, `emt_append_to_stream`, COMMIT); it has no group commit.
 */
export class EmmettAppends {
  private constructor(
    private readonly store: EmmettEventStore,
    private readonly pool: Pool,
  ) {}

  /** Opens Emmett's store on empty tables (created by its own migration, then truncated). */
  static async open(config: PoolConfig): Promise<EmmettAppends> {
    await ensureDatabase(config, EMMETT_DATABASE);
    // dumbo sets pg's process-wide parsers for int8 and json when it makes its first pool; Emmett's pool keeps
    // them through its own `types`, and the globals go back to pg's defaults so our store and the raw side
    // parse exactly as they do without Emmett in the process.
    const pool = new Pool({ ...config, database: EMMETT_DATABASE, types: { getTypeParser: emmettTypeParser } });
    const connectionString = `postgresql://${config.user}@${config.host}:${config.port}/${EMMETT_DATABASE}`;
    const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
    dumboParsers ??= new Map(PARSED_BY_DUMBO.map((oid) => [oid, types.getTypeParser(oid)]));
    pgDefaultParsers.forEach((parser, oid) => types.setTypeParser(oid, parser));
    await store.schema.migrate();
    await store.schema.dangerous.truncate({ resetSequences: true });
    return new EmmettAppends(store, pool);
  }

  /**
   * The same events as our store appends, with the same ids (Emmett's messageId). `expectedStreamVersion: 0n`
   * is Emmett's check that the stream is new, like our `'no-stream'`: its STREAM_DOES_NOT_EXIST constant is
   * not checked by the PostgreSQL store in 0.42.0 (a second append with it succeeds), so it would skip work ours does.
   */
  appendConcurrently(events: StreamEvent[], inFlight: number): Promise<number> {
    return appendFromCallers(events, inFlight, ({ stream, event }) =>
      this.store.appendToStream(stream, [{ type: event.type, data: event.data, metadata: { messageId: event.id, ...event.metadata } }], {
        expectedStreamVersion: 0n,
      }),
    );
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.pool.end();
  }
}

function emmettTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  return dumboParsers?.get(oid) ?? types.getTypeParser(oid, format);
}

/** CREATE DATABASE when it is absent (on a fresh machine); a concurrent creator winning the race is fine. */
async function ensureDatabase(config: PoolConfig, database: string): Promise<void> {
  const admin = new Pool({ ...config, max: 1 });
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${escapeIdentifier(database)}`).catch(ignoreDuplicateDatabase);
  } finally {
    await admin.end();
  }
}

function ignoreDuplicateDatabase(error: unknown): void {
  if ((error as { code?: string }).code !== '42P04') throw error;
}
