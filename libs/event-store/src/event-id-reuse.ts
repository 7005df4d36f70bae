import { AppendResult, NewEvent } from './event-store.port';
import { DuplicateEventIdError } from './event-store.errors';

/** All the append rules need to know about an event. */
export type EventIdentity = Pick<NewEvent, 'id'>;

/** Where an already stored event sits; enough to recognise a retried append. */
export interface StoredEventPlace {
  stream: string;
  version: number;
  position: number;
}

export type EventPlaceLookup = (id: string) => StoredEventPlace | undefined;

/** A batch that names the same id twice can never be retried safely, so it is refused outright. */
export function assertDistinctIds(events: readonly EventIdentity[]): void {
  if (events.length < 2) return;
  const seen = new Set<string>();
  for (const { id } of events) {
    if (seen.has(id)) throw new DuplicateEventIdError(id);
    seen.add(id);
  }
}

/**
 * When the batch's first id is already stored, the append is either a retry of one that succeeded
 * (every id in the same stream at consecutive versions, same order) and we hand back its original
 * result, or a misuse of ids. Returns undefined when the first id is new.
 */
export function findOriginalAppend(
  stream: string,
  events: readonly EventIdentity[],
  lookup: EventPlaceLookup,
): AppendResult | undefined {
  if (events.length === 0) return undefined;
  const first = lookup(events[0].id);
  if (!first) return undefined;
  let last = first;
  for (let i = 0; i < events.length; i++) {
    const place = i === 0 ? first : lookup(events[i].id);
    if (!place || place.stream !== stream || place.version !== first.version + i) {
      throw new DuplicateEventIdError(events[i].id);
    }
    last = place;
  }
  return { version: last.version, position: last.position };
}

/** A new batch must not reuse any id stored before. */
export function assertIdsUnused(events: readonly EventIdentity[], lookup: EventPlaceLookup): void {
  for (const { id } of events) {
    if (lookup(id)) throw new DuplicateEventIdError(id);
  }
}
