import type { AppendOptions, EventHandler, EventStore, ExpectedVersion, NewEvent, Subscription } from '@onedoor/event-store';

/** Wraps a real store and counts the log events a runner reads: handed to its subscription, or returned by readAll. */
export class CountingEventStore implements EventStore {
  delivered = 0;
  readByReadAll = 0;

  constructor(readonly inner: EventStore) {}

  append(stream: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions) {
    return this.inner.append(stream, events, expected, options);
  }
  readStream(stream: string, fromVersion?: number) {
    return this.inner.readStream(stream, fromVersion);
  }
  async readAll(afterPosition: number, limit: number) {
    const events = await this.inner.readAll(afterPosition, limit);
    this.readByReadAll += events.length;
    return events;
  }
  headPosition() {
    return this.inner.headPosition();
  }
  readByIdempotencyId(idempotencyId: string) {
    return this.inner.readByIdempotencyId(idempotencyId);
  }
  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription {
    return this.inner.subscribe(
      afterPosition,
      (event) => {
        this.delivered += 1;
        return handler(event);
      },
      onError,
    );
  }
  close() {
    return this.inner.close();
  }
}

/** Appends another log's events after `afterPosition` to `to`, keeping ids, streams and versions. */
export async function copyLog(from: EventStore, to: EventStore, afterPosition = 0): Promise<number> {
  const events = await from.readAll(afterPosition, 1_000_000);
  for (const e of events) {
    await to.append(e.stream, [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], e.version - 1);
  }
  return to.headPosition();
}
