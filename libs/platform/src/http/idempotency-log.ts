import type { EventStore, RecordedEvent } from '@onedoor/event-store';

/** Keys are kept for a day, as clients retry within minutes; after that a key may name a new request. */
export const IDEMPOTENCY_WINDOW_MS = 86_400_000;

/** What an earlier attempt of a request committed to the log, though its answer was never stored. */
export interface EarlierAttempt {
  events: RecordedEvent[];
  /** The attempt's request, as its events recorded it (compared with a retry's to refuse a different request). */
  requestFingerprint: string;
  idSeed: string;
}

/**
 * The log's side of a retry whose key requests.sqlite does not know: the answer is saved after the events
 * commit, in another file, so a crash in between leaves the events as the only trace of the first attempt.
 */
export async function findEarlierAttempt(store: EventStore, idempotencyId: string, now: Date): Promise<EarlierAttempt | undefined> {
  const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString();
  const events = (await store.readByIdempotencyId(idempotencyId)).filter((event) => event.recordedAt >= since);
  if (events.length === 0) return undefined;
  // One attempt at most can be in the window (a second would have found the first); the newest decides.
  const { requestFingerprint, idSeed } = events[events.length - 1].metadata as { requestFingerprint?: unknown; idSeed?: unknown };
  if (typeof requestFingerprint !== 'string' || typeof idSeed !== 'string') return undefined;
  return { events, requestFingerprint, idSeed };
}
