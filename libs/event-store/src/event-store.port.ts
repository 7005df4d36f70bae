/**
 * The event store port. Every adapter (in-memory, SQLite, later PostgreSQL and KurrentDB)
 * implements this and passes the one contract suite in `event-store.contract.ts`.
 *
 * Versions: a stream's version is the number of events in it (an empty or absent stream is 0),
 * and each event's `version` is its 1-based place in its stream. Positions are the 1-based,
 * gap-free order of the global log, assigned at commit.
 */

/** What the caller expects of the stream before its append. A number means "exactly this many events". */
export type ExpectedVersion = 'no-stream' | 'exists' | 'any' | number;

export interface NewEvent {
  /** Unique id (UUID). Retrying an append with the same ids writes nothing new and succeeds. */
  id: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent extends Required<NewEvent> {
  stream: string;
  version: number;
  position: number;
  /** ISO-8601 commit time. */
  recordedAt: string;
}

/**
 * A stream that must be at a given version for an append to go ahead, though nothing is written to it:
 * e.g. a live referral is appended only while the person's stream is still at the version its consent
 * was read from. Checked in the same transaction as the append.
 */
export interface AppendCondition {
  stream: string;
  expected: ExpectedVersion;
}

export interface AppendOptions {
  /**
   * Every condition must hold at commit, or nothing is written and the append fails with
   * WrongExpectedVersionError naming the condition's stream (as a stale `expected` does for the appended
   * stream). A retry of an append that already succeeded (same event ids) still succeeds, however the
   * conditioned streams moved since: idempotency is judged first, as for `expected`.
   */
  conditions?: readonly AppendCondition[];
}

export interface AppendResult {
  /** The stream's version after the append. */
  version: number;
  /** Global position of the last appended event. */
  position: number;
}

export interface EventHandler {
  (event: RecordedEvent): void | Promise<void>;
}

export interface Subscription {
  /** Stops delivery; resolves once no handler call is in flight. */
  stop(): Promise<void>;
  /** Position of the last event handed to the handler and finished. */
  readonly position: number;
}

export interface EventStore {
  append(stream: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream in version order, from `fromVersion` (exclusive; default 0 = from the start). */
  readStream(stream: string, fromVersion?: number): Promise<RecordedEvent[]>;
  /** The global log after `afterPosition` (exclusive), in position order, at most `limit` events. */
  readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]>;
  /** Position of the newest committed event (0 when empty). */
  headPosition(): Promise<number>;
  /**
   * The events whose `metadata.idempotencyId` is `idempotencyId`, in position order (any stream): what one
   * request carrying an Idempotency-Key wrote, so a retry after a crash can tell it already committed.
   */
  readByIdempotencyId(idempotencyId: string): Promise<RecordedEvent[]>;
  /**
   * Delivers every event after `afterPosition` in global order, one at a time (the next only after the
   * handler's promise settles): first the stored ones, then live ones as they commit. Never skips, never repeats.
   * A handler that throws stops the subscription; `onError` is told.
   */
  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription;
  close(): Promise<void>;
}
