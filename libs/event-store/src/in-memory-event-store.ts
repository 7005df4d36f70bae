import {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  Subscription,
} from './event-store.port';
import { EventStoreClosedError } from './event-store.errors';
import { decideAppend } from './append-decision';
import { assertWellFormedConditions, assertWellFormedEvents } from './well-formed-events';
import { LiveSubscriptions } from './live-subscriptions';

/** The event store for unit tests: same rules as the durable adapters, nothing survives the process. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly subscriptions = new LiveSubscriptions((after, limit) => this.readAll(after, limit));
  private closed = false;

  async append(stream: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    if (this.closed) throw new EventStoreClosedError();
    assertWellFormedEvents(stream, events);
    assertWellFormedConditions(options);
    const existing = this.streams.get(stream) ?? [];
    const decision = decideAppend(
      stream,
      events,
      expected,
      existing.length,
      (id) => this.byId.get(id),
      options?.conditions,
      (other) => this.streams.get(other)?.length ?? 0,
    );
    if (decision.kind === 'replay') return decision.result;
    if (events.length === 0) {
      return { version: existing.length, position: existing[existing.length - 1]?.position ?? 0 };
    }
    const currentVersion = existing.length;
    const recordedAt = new Date().toISOString();
    const written = events.map(
      (event, i): RecordedEvent => ({
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        // Stored as JSON, like the durable adapters, so unit tests see what production would see.
        data: jsonCopy(event.data),
        metadata: jsonCopy(event.metadata ?? {}),
        stream,
        version: currentVersion + i + 1,
        position: this.log.length + i + 1,
        recordedAt,
      }),
    );
    for (const event of written) {
      this.log.push(event);
      existing.push(event);
      this.byId.set(event.id, event);
    }
    this.streams.set(stream, existing);
    this.subscriptions.notifyCommitted();
    const last = written[written.length - 1];
    return { version: last.version, position: last.position };
  }

  async readStream(stream: string, fromVersion = 0): Promise<RecordedEvent[]> {
    return (this.streams.get(stream) ?? []).slice(fromVersion).map(copyOf);
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    // Positions are 1-based and gap-free, so position p sits at index p - 1.
    return this.log.slice(Math.max(0, afterPosition), Math.max(0, afterPosition) + limit).map(copyOf);
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async readByIdempotencyId(idempotencyId: string): Promise<RecordedEvent[]> {
    return this.log.filter((event) => event.metadata.idempotencyId === idempotencyId).map(copyOf);
  }

  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription {
    return this.subscriptions.subscribe(afterPosition, handler, onError);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.subscriptions.stopAll();
  }
}

/** Handed-out copies, so a caller mutating what it read cannot rewrite history. */
function copyOf(event: RecordedEvent): RecordedEvent {
  return { ...event, data: jsonCopy(event.data), metadata: jsonCopy(event.metadata) };
}

function jsonCopy(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
