import type { Database } from 'better-sqlite3';
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
import { assertWellFormedConditions, assertWellFormedEvents } from './well-formed-events';
import { LiveSubscriptions } from './live-subscriptions';
import {
  createEventTable,
  EventRow,
  EventStatements,
  prepareEventStatements,
  toRecordedEvents,
} from './sqlite-event-table';
import { AppendOutcome, AppendRequest, SqliteAppendWriter, WrittenGroup } from './sqlite-append-writer';
import { RecentlyCommitted } from './recently-committed';
import { ConnectionSettings, openEventDatabase, readConnectionSettings } from './sqlite-connection';
import { SqliteWorkerWriter } from './sqlite-worker-writer';

export interface SqliteEventStoreOptions {
  /** Path of the database file (created when absent). */
  file: string;
  /** FULL (default): an acknowledged append survives power loss. NORMAL: survives a process crash only. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Where group commits run. 'worker' (default): on a writer thread with its own connection, so the
   * transaction and its fsync never block the event loop, and the next group gathers meanwhile. 'inline':
   * synchronously on the calling thread, on the same connection as reads.
   */
  writer?: 'worker' | 'inline';
  /** How often idle subscriptions re-read, to see appends made by another process; 0 turns it off. */
  pollIntervalMs?: number;
  /** Events a subscription reads per catch-up query. */
  subscriptionBatchSize?: number;
}

interface QueuedAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: Error): void;
}

/**
 * The embedded default store: one SQLite file in WAL mode. Appends are group-committed: those made in
 * the same turn of the event loop (with the writer thread, also those made while the previous group was
 * being committed) are written together in one transaction (one fsync), and only acknowledged after
 * COMMIT. By default the transaction runs on a writer thread with its own connection (SqliteWorkerWriter),
 * one group at a time: while it commits group N, the event loop keeps serving and queues group N+1, which
 * is posted as soon as N is acknowledged (at the end of that turn of the event loop). Reads use this
 * thread's connection; WAL lets them run alongside the writer and see each group once it has committed.
 */
export class SqliteEventStore implements EventStore {
  /** The main thread's connection: reads, schema, and the writes too in 'inline' mode. */
  private readonly db: Database;
  private readonly statements: EventStatements;
  private readonly inlineWriter: SqliteAppendWriter | undefined;
  private readonly workerWriter: SqliteWorkerWriter | undefined;
  private readonly subscriptions: LiveSubscriptions;
  /** What this store committed last, for its subscriptions (see readForSubscriptions). */
  private readonly recent = new RecentlyCommitted();
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  /** The group the writer thread is committing; settles (never rejects) once its callers have been answered. */
  private writing: Promise<void> | undefined;
  /** Set when the writer thread died: appends are refused with it. */
  private writerFailure: EventStoreClosedError | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: SqliteEventStoreOptions) {
    const synchronous = options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL';
    this.db = openEventDatabase(options.file, synchronous);
    try {
      // Before the writer thread opens its connection, so the table it prepares statements for exists.
      createEventTable(this.db);
      this.statements = prepareEventStatements(this.db);
      if (options.writer === 'inline') {
        this.inlineWriter = new SqliteAppendWriter(this.db, this.statements);
      } else {
        // Starts in the background; writes posted before it is ready wait in its queue.
        this.workerWriter = new SqliteWorkerWriter({ file: options.file, synchronous }, (error) => this.writerDied(error));
      }
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.subscriptions = new LiveSubscriptions((after, limit) => this.readForSubscriptions(after, limit), {
      pollIntervalMs: options.pollIntervalMs ?? 250,
      batchSize: options.subscriptionBatchSize ?? 500,
    });
  }

  /** Like the constructor, but resolves once the writer is ready, and rejects (closing the store) if it cannot start. */
  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    const store = new SqliteEventStore(options);
    try {
      await store.writerSettings();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /** The settings of the connection that commits appends, read back from SQLite (diagnostics, tests). */
  async writerSettings(): Promise<ConnectionSettings & { writer: 'worker' | 'inline' }> {
    if (this.workerWriter) return { writer: 'worker', ...(await this.workerWriter.ready) };
    return { writer: 'inline', ...readConnectionSettings(this.db) };
  }

  append(stream: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    if (this.writerFailure) return Promise.reject(this.writerFailure);
    if (this.closing) return Promise.reject(new EventStoreClosedError());
    let rows: EventRow[];
    try {
      assertWellFormedEvents(stream, events);
      assertWellFormedConditions(options);
      rows = toRows(events);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      const conditions = options?.conditions?.length ? options.conditions.map(({ stream, expected }) => ({ stream, expected })) : undefined;
      this.queue.push({ stream, rows, expected, conditions, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(stream: string, fromVersion = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    return toRecordedEvents(this.statements.readStream.all(stream, fromVersion));
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    return toRecordedEvents(this.statements.readAll.all(afterPosition, limit));
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.headPosition.get() ?? 0;
  }

  async readByIdempotencyId(idempotencyId: string): Promise<RecordedEvent[]> {
    this.assertOpen();
    return toRecordedEvents(this.statements.readByIdempotencyId.all(idempotencyId));
  }

  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription {
    return this.subscriptions.subscribe(afterPosition, handler, onError);
  }

  /**
   * A subscription's catch-up read: what this store has just committed, straight from the writer's answer,
   * when that run holds the next event; the table otherwise. A subscription re-reads from its own position
   * every time, so it neither skips nor repeats either way. When another process has appended after this
   * store's last commit the answer stops at that commit, and the subscription sees the rest at its next
   * read (the next nudge or poll), as it would a commit made just after its read.
   */
  private async readForSubscriptions(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.recent.read(afterPosition, limit) ?? toRecordedEvents(this.statements.readAll.all(afterPosition, limit));
  }

  /**
   * Writes what is queued (waiting for the group being committed, then committing the rest), closes the
   * writer thread, stops subscriptions (waiting for running handlers), then closes the file.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        while (this.writing || this.queue.length > 0) {
          this.flush();
          await this.writing;
        }
        await this.workerWriter?.close();
      } finally {
        await this.subscriptions.stopAll();
        this.db.close();
      }
    })();
    return this.closing;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes the queued appends as one group, unless the writer thread is still committing one (see groupWritten). */
  private flush(): void {
    this.flushScheduled = false;
    if (this.writing || this.queue.length === 0) return;
    const requests = this.queue;
    this.queue = [];
    if (this.inlineWriter) {
      let written: WrittenGroup;
      try {
        written = this.inlineWriter.writeGroup(requests);
      } catch (error) {
        rejectAll(requests, error);
        return;
      }
      this.acknowledge(requests, written);
      return;
    }
    this.writing = this.workerWriter!.write(requests).then(
      (written) => this.groupWritten(requests, written),
      (error: unknown) => this.groupWritten(requests, undefined, error),
    );
  }

  /**
   * The writer thread answered for a group: answer its callers, then post what queued meanwhile at the end
   * of this turn of the event loop, together with what the rest of the turn appends. (Posting it before
   * answering measured worse: the appends of the requests handled later in the same turn then wait for
   * one more commit.)
   */
  private groupWritten(requests: QueuedAppend[], written: WrittenGroup | undefined, error?: unknown): void {
    this.writing = undefined;
    if (written) this.acknowledge(requests, written);
    else rejectAll(requests, error);
    if (this.queue.length > 0) this.scheduleFlush();
  }

  private acknowledge(requests: QueuedAppend[], { outcomes, recordedAt }: WrittenGroup): void {
    requests.forEach((request, i) => {
      const outcome: AppendOutcome = outcomes[i];
      if (outcome instanceof Error) return request.reject(outcome);
      if ('written' in outcome) this.recent.add(request.stream, request.rows, outcome.version, outcome.position, recordedAt);
      request.resolve({ version: outcome.version, position: outcome.position });
    });
    this.subscriptions.notifyCommitted();
  }

  /** The writer thread ended on its own: nothing queued can be written, and nothing more will be. */
  private writerDied(error: EventStoreClosedError): void {
    this.writerFailure = error;
    rejectAll(this.queue.splice(0), error);
  }

  private assertOpen(): void {
    if (!this.db.open) throw new EventStoreClosedError();
  }
}

function rejectAll(requests: QueuedAppend[], error: unknown): void {
  // Duck-typed, not instanceof: a native addon's error can come from another realm (as under Jest) and must pass through as it is.
  const isError = typeof error === 'object' && error !== null && typeof (error as Error).message === 'string';
  const failure = isError ? (error as Error) : new Error(String(error));
  requests.forEach((request) => request.reject(failure));
}

/** Serialised at append time, so a caller mutating its objects before the flush cannot change what is written. */
function toRows(events: NewEvent[]): EventRow[] {
  const rows = new Array<EventRow>(events.length);
  for (let i = 0; i < events.length; i++) {
    const { id, type, schemaVersion, data, metadata } = events[i];
    const json = JSON.stringify(data);
    rows[i] = { id, type, schemaVersion, data: json, metadata: metadata ? JSON.stringify(metadata) : '{}' };
  }
  return rows;
}
