import { RecordedEvent } from './event-store.port';

/** The columns every read selects, named as RecordedEvent names them. */
export const EVENT_COLUMNS = `position, id, stream, version, type, schema_version AS "schemaVersion",
  data, metadata, recorded_at AS "recordedAt"`;

/** A row as node-postgres hands it back: bigint as a string, json parsed, timestamptz as a Date. */
export interface EventTableRow {
  position: string;
  id: string;
  stream: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: Date;
}

/** Each row is a fresh object parsed from the wire, so handing it out needs no copy. */
export function toRecordedEvents(rows: EventTableRow[]): RecordedEvent[] {
  return rows.map((row) => ({
    position: Number(row.position),
    id: row.id,
    stream: row.stream,
    version: row.version,
    type: row.type,
    schemaVersion: row.schemaVersion,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recordedAt.toISOString(),
  }));
}
