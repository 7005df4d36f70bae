import { randomUUID } from 'node:crypto';
import { jsonEvent } from '@kurrent/kurrentdb-client';
import type { EventData, RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { StoredEventPlace } from './event-id-reuse';

/**
 * The adapter's index records: each says where one event sits (stream, version, position). Three indexes use
 * them, written in the same atomic append as the event: the positions stream (one entry per event, in order),
 * the event-id claim (one stream per id) and the request index (one stream per Idempotency-Key).
 */
export type PlaceRecordType = 'onedoor-position' | 'onedoor-event-id' | 'onedoor-request-event';

export function placeRecord(type: PlaceRecordType, place: StoredEventPlace): EventData {
  // A fresh record id: KurrentDB's own deduplication by record id must never swallow an index entry.
  return jsonEvent({ id: randomUUID(), type, data: { stream: place.stream, version: place.version, position: place.position } });
}

export function placeOf(record: KurrentRecordedEvent): StoredEventPlace {
  const data = record.data as Partial<StoredEventPlace> | undefined;
  const { stream, version, position } = data ?? {};
  if (typeof stream !== 'string' || !Number.isSafeInteger(version) || !Number.isSafeInteger(position)) {
    throw new Error(`index record ${record.id} in ${record.streamId} is not a place (stream, version, position)`);
  }
  return { stream, version: version as number, position: position as number };
}
