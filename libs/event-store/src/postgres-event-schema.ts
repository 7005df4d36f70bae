import type { Pool } from 'pg';
import { createTablesOnce, quotedSchemaName } from './postgres-schema';

/** The qualified names the PostgreSQL adapter's SQL uses, all inside one schema (one schema = one event log). */
export interface EventSchemaNames {
  schema: string;
  /** The events table, quoted and schema-qualified. */
  events: string;
  /** The one-row table holding the last allocated position; its row lock orders the appends. */
  head: string;
  /** The LISTEN/NOTIFY channel told the new head position after each commit. */
  channel: string;
}

export function eventSchemaNames(schema: string): EventSchemaNames {
  const quoted = quotedSchemaName(schema);
  return {
    schema,
    events: `${quoted}.events`,
    head: `${quoted}.event_log_head`,
    // Channel names are identifiers too (at most 63 bytes); a schema of 63 characters is cut, which only
    // means a subscriber may be woken by another log's commit and re-read for nothing.
    channel: `onedoor_events_${schema}`.slice(0, 63),
  };
}

/**
 * The log: `position` is allocated by the appending transaction while it holds the head row's lock (see
 * PostgresEventStore), so it is gap-free and in commit order. UNIQUE(stream, version) serves stream reads and
 * is the last line of defence should anything write without the lock. `data` and `metadata` are `json`, not
 * `jsonb`: kept exactly as serialised (key order, and strings holding \u0000, which jsonb refuses).
 */
function createStatements({ events, head }: EventSchemaNames): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${events} (
       position       bigint      PRIMARY KEY,
       id             text        NOT NULL UNIQUE,
       stream         text        NOT NULL,
       version        integer     NOT NULL,
       type           text        NOT NULL,
       schema_version integer     NOT NULL,
       data           json        NOT NULL,
       metadata       json        NOT NULL,
       recorded_at    timestamptz NOT NULL DEFAULT now(),
       UNIQUE (stream, version)
     )`,
    // Only events written for a request with an Idempotency-Key carry the field: a small partial index.
    `CREATE INDEX IF NOT EXISTS events_by_idempotency_id ON ${events} ((metadata ->> 'idempotencyId'))
       WHERE (metadata ->> 'idempotencyId') IS NOT NULL`,
    `CREATE TABLE IF NOT EXISTS ${head} (
       only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
       position bigint  NOT NULL
     )`,
    `INSERT INTO ${head} (only_row, position) VALUES (true, 0) ON CONFLICT (only_row) DO NOTHING`,
  ];
}

/** Creates the schema and its tables when absent; harmless to run again, and from several processes at once. */
export async function createEventSchema(pool: Pool, names: EventSchemaNames): Promise<void> {
  await createTablesOnce(pool, names.schema, createStatements(names));
}
