import type { Database } from 'better-sqlite3';
import { RecordedEvent } from './event-store.port';
import { StoredEventPlace } from './event-id-reuse';
import { EventRow } from './append-group';

export type { EventRow } from './append-group';

/**
 * Bumped when the table changes shape; checked on open so an old file is never misread.
 * 1: the events table. 2: an index on metadata.idempotencyId (the events a request wrote, for retries after a crash).
 */
const SCHEMA_VERSION = 2;

/**
 * The log is one table. `position` is the rowid: AUTOINCREMENT never reuses a number, and because a
 * refused append is rolled back to its savepoint before anything commits, no number is ever burnt.
 * UNIQUE(stream, version) both serves stream reads and catches a stale version cache.
 */
const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT    NOT NULL UNIQUE,
    stream         TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    UNIQUE (stream, version)
  )`;

/**
 * Only events written for a request that carried an Idempotency-Key have the field, so the partial index
 * stays small and ordinary appends skip it. Queries must repeat this exact expression for SQLite to use it.
 */
const IDEMPOTENCY_ID = `json_extract(metadata, '$.idempotencyId')`;
const CREATE_IDEMPOTENCY_INDEX = `
  CREATE INDEX IF NOT EXISTS events_by_idempotency_id ON events (${IDEMPOTENCY_ID})
  WHERE ${IDEMPOTENCY_ID} IS NOT NULL`;

const COLUMNS = `position, id, stream, version, type, schema_version AS schemaVersion,
  data, metadata, recorded_at AS recordedAt`;

type StoredRow = Omit<RecordedEvent, 'data' | 'metadata'> & { data: string; metadata: string };

/** Creates the table in a new file, or migrates an older file up to SCHEMA_VERSION (in one transaction). */
export function createEventTable(db: Database): void {
  const found = assertKnownSchema(db);
  if (found === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(CREATE_TABLE);
    // Version 1 files gain the index; their events are read as before, and old events simply lack the field.
    db.exec(CREATE_IDEMPOTENCY_INDEX);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** The file's schema version, refusing one written by a newer build (it could be misread). */
export function assertKnownSchema(db: Database): number {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > SCHEMA_VERSION) {
    throw new Error(`event store file has schema ${found}; this build knows up to ${SCHEMA_VERSION}`);
  }
  return found;
}

/**
 * Parses the JSON columns of freshly read rows in place: each row is a new object nobody else holds, and
 * copying nine fields per event was a tenth of a rebuild's read time.
 */
export function toRecordedEvents(rows: StoredRow[]): RecordedEvent[] {
  for (const row of rows as Array<StoredRow | RecordedEvent>) {
    row.data = JSON.parse(row.data as string);
    row.metadata = JSON.parse(row.metadata as string);
  }
  return rows as unknown as RecordedEvent[];
}

/** Every statement the adapter runs, prepared once. */
export function prepareEventStatements(db: Database) {
  return {
    insert: db.prepare<[string, string, number, string, number, string, string, string]>(
      `INSERT INTO events (id, stream, version, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    streamHead: db.prepare<[string], { version: number; position: number }>(
      'SELECT version, position FROM events WHERE stream = ? ORDER BY version DESC LIMIT 1',
    ),
    placeOfId: db.prepare<[string], StoredEventPlace>('SELECT stream, version, position FROM events WHERE id = ?'),
    readStream: db.prepare<[string, number], StoredRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND version > ? ORDER BY version`,
    ),
    readAll: db.prepare<[number, number], StoredRow>(
      `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ),
    headPosition: db.prepare<[], number>('SELECT coalesce(max(position), 0) FROM events').pluck(),
    readByIdempotencyId: db.prepare<[string], StoredRow>(
      `SELECT ${COLUMNS} FROM events WHERE ${IDEMPOTENCY_ID} = ? ORDER BY position`,
    ),
  };
}

export type EventStatements = ReturnType<typeof prepareEventStatements>;
