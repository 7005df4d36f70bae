import { ANY, jsonEvent, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import type { AppendStreamState, CurrentStreamState, EventData, RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { ExpectedVersion, RecordedEvent } from './event-store.port';
import { EventRow } from './append-group';
import { KurrentDbStreams } from './kurrentdb-streams';

/**
 * Pure translations between the port's shapes and the client's. Versions here are counts (a stream of n events
 * is at version n), KurrentDB's revisions are 0-based indexes: version = revision + 1.
 */

/** Record properties (KurrentDB's append API takes string values only) that carry what KurrentDB has no field for. */
export const PROPERTY = {
  position: 'onedoor-position',
  schemaVersion: 'onedoor-schema-version',
  metadata: 'onedoor-metadata',
} as const;

/** Our expectation as KurrentDB's stream state: n events means the last revision is n − 1; 0 events, no stream. */
export function toStreamState(expected: ExpectedVersion): AppendStreamState {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      if (!Number.isInteger(expected) || expected < 0) throw new TypeError(`expected version must be 'no-stream', 'exists', 'any' or an integer ≥ 0 (got ${String(expected)})`);
      return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  }
}

/** How many events a stream holds, from the state KurrentDB reports (no stream = 0, last revision r = r + 1). */
export function versionOfState(stream: string, state: CurrentStreamState): number {
  if (state === NO_STREAM) return 0;
  // KurrentDB reports a deleted stream as −5 and a tombstoned one as −6: this adapter never deletes, so say so loudly.
  if (typeof state !== 'bigint' || state < 0n) throw new Error(`stream ${stream} is deleted or tombstoned in KurrentDB (state ${String(state)})`);
  return Number(state) + 1;
}

/** One of our events as a KurrentDB record: the event id is the record id; position and schema version ride as properties. */
export function toEventData(row: EventRow, position: number): EventData {
  return jsonEvent({
    id: row.id,
    type: row.type,
    // The row holds the JSON taken when append was called, so later changes to the caller's object are not written.
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: {
      [PROPERTY.position]: String(position),
      [PROPERTY.schemaVersion]: String(row.schemaVersion),
      [PROPERTY.metadata]: row.metadata,
    },
  });
}

/** A record read back (from a stream or $all) as our RecordedEvent; refuses one this adapter did not write. */
export function toRecordedEvent(event: KurrentRecordedEvent, streams: KurrentDbStreams): RecordedEvent {
  const stream = streams.fromDomain(event.streamId);
  if (stream === undefined) throw new Error(`record ${event.id} is in ${event.streamId}, outside this log's streams`);
  const properties = propertiesOf(event);
  const position = Number(properties[PROPERTY.position]);
  const schemaVersion = Number(properties[PROPERTY.schemaVersion]);
  if (!Number.isSafeInteger(position) || position < 1 || !Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new Error(`record ${event.id} in ${event.streamId} has no OneDoor position or schema version: it was not written by this adapter`);
  }
  return {
    id: event.id,
    stream,
    version: Number(event.revision) + 1,
    position,
    type: event.type,
    schemaVersion,
    data: jsonObjectOf(event.data, `record ${event.id} data`),
    metadata: jsonObjectOf(properties[PROPERTY.metadata] ?? '{}', `record ${event.id} metadata`),
    recordedAt: event.created.toISOString(),
  };
}

function propertiesOf(event: KurrentRecordedEvent): Record<string, unknown> {
  const metadata = event.metadata instanceof Uint8Array ? jsonObjectOf(event.metadata, `record ${event.id} properties`) : event.metadata;
  return typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : {};
}

/** Parsed JSON (from bytes or a string when the client did not parse it) that must be an object. */
function jsonObjectOf(value: unknown, what: string): Record<string, unknown> {
  const parsed: unknown = value instanceof Uint8Array ? JSON.parse(Buffer.from(value).toString('utf8')) : typeof value === 'string' ? JSON.parse(value) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${what} is not a JSON object`);
  return parsed as Record<string, unknown>;
}
