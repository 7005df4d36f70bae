import { createHash } from 'node:crypto';
import type { RecordedEvent } from './event-store.port';

/** What a copy of a log must match: how many events, the last position, and a hash over every event in order. */
export interface LogDigest {
  events: number;
  head: number;
  sha256: string;
}

/**
 * Hashes each event's id, stream, version, position, type, schema version, data, metadata and commit time in
 * log order, so two logs with the same digest hold the same history — one changed byte or swapped pair differs.
 */
export async function digestLog(batches: Iterable<RecordedEvent[]> | AsyncIterable<RecordedEvent[]>): Promise<LogDigest> {
  const hash = createHash('sha256');
  let events = 0;
  let head = 0;
  for await (const batch of batches) {
    for (const e of batch) {
      hash.update(JSON.stringify([e.position, e.id, e.stream, e.version, e.type, e.schemaVersion, e.data, e.metadata, e.recordedAt]));
      hash.update('\n');
      events += 1;
      head = e.position;
    }
  }
  return { events, head, sha256: hash.digest('hex') };
}
