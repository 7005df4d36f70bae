import type { ClientBase } from 'pg';
import { EventRow } from './append-group';
import { EventSchemaNames } from './postgres-event-schema';

/** The rows a transaction inserts, column by column, as node-postgres sends arrays to `unnest`. */
export class InsertColumns {
  readonly position: number[] = [];
  readonly id: string[] = [];
  readonly stream: string[] = [];
  readonly version: number[] = [];
  readonly type: string[] = [];
  readonly schemaVersion: number[] = [];
  readonly data: string[] = [];
  readonly metadata: string[] = [];
  readonly recordedAt: string[] = [];

  add(row: EventRow, stream: string, version: number, position: number, recordedAt: string): void {
    this.position.push(position);
    this.id.push(row.id);
    this.stream.push(stream);
    this.version.push(version);
    this.type.push(row.type);
    this.schemaVersion.push(row.schemaVersion);
    this.data.push(row.data);
    this.metadata.push(row.metadata);
    this.recordedAt.push(recordedAt);
  }
}

/**
 * One statement: inserts the rows, moves the log head to `head` and NOTIFYs the channel (delivered at COMMIT,
 * only if it commits). The caller holds the head row's lock in the open transaction (see appendGroup).
 */
export async function writeRows(client: ClientBase, names: EventSchemaNames, inserts: InsertColumns, head: number): Promise<void> {
  await client.query(
    `WITH inserted AS (
       INSERT INTO ${names.events} (position, id, stream, version, type, schema_version, data, metadata, recorded_at)
       SELECT position, id, stream, version, type, schema_version, data::json, metadata::json, recorded_at
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[], $8::text[], $9::timestamptz[])
           AS r(position, id, stream, version, type, schema_version, data, metadata, recorded_at)
     ), moved AS (
       UPDATE ${names.head} SET position = $10
     )
     SELECT pg_notify($11, $10::text)`,
    [
      inserts.position,
      inserts.id,
      inserts.stream,
      inserts.version,
      inserts.type,
      inserts.schemaVersion,
      inserts.data,
      inserts.metadata,
      inserts.recordedAt,
      head,
      names.channel,
    ],
  );
}
