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
  EventStatements,
  prepareEventStatements,
  toRecordedEvents,
} from './sqlite-event-table';
import { SqliteAppendWriter } from './sqlite-append-writer';
import { answersOf, AppendRequest, EventRow, toRows } from './append-group';
import { GroupCommitQueue } from './group-commit-queue';
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
  /**
   * One group at a time; what queues meanwhile is posted at the end of the turn in which the group was
   * answered, together with what the rest of that turn appends. (Posting it before answering measured worse:
   * the appends of the requests handled later in the same turn then wait for one more commit.)
   */
  private readonly appends = new GroupCommitQueue<AppendRequest, AppendResult>((requests) => this.commitGroup(requests));
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
    const conditions = options?.conditions?.length ? options.conditions.map(({ stream, expected }) => ({ stream, expected })) : undefined;
    return this.appends.submit({ stream, rows, expected, conditions });
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
        await this.appends.drain();
        await this.workerWriter?.close();
      } finally {
        await this.subscriptions.stopAll();
        this.db.close();
      }
    })();
    return this.closing;
  }

  /** One group: inline on this thread, or on the writer thread while the event loop keeps serving. */
  private async commitGroup(requests: AppendRequest[]): Promise<Array<AppendResult | Error>> {
    const written = this.inlineWriter ? this.inlineWriter.writeGroup(requests) : await this.workerWriter!.write(requests);
    const answers = answersOf(requests, written, ({ stream, rows }, { version, position }) =>
      this.recent.add(stream, rows, version, position, written.recordedAt),
    );
    this.subscriptions.notifyCommitted();
    return answers;
  }

  /** The writer thread ended on its own: nothing queued can be written, and nothing more will be. */
  private writerDied(error: EventStoreClosedError): void {
    this.writerFailure = error;
    this.appends.failQueued(error);
  }

  private assertOpen(): void {
    if (!this.db.open) throw new EventStoreClosedError();
  }
}
