import BetterSqlite3, { Database } from 'better-sqlite3';
import {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  Subscription,
} from './event-store.port';
import { EventStoreClosedError } from './event-store.errors';
import { assertWellFormedEvents } from './well-formed-events';
import { LiveSubscriptions } from './live-subscriptions';
import {
  createEventTable,
  EventRow,
  EventStatements,
  prepareEventStatements,
  toRecordedEvent,
} from './sqlite-event-table';
import { AppendOutcome, AppendRequest, SqliteAppendWriter } from './sqlite-append-writer';

export interface SqliteEventStoreOptions {
  /** Path of the database file (created when absent). */
  file: string;
  /** FULL (default): an acknowledged append survives power loss. NORMAL: survives a process crash only. */
  synchronous?: 'FULL' | 'NORMAL';
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
 * The embedded default store: one SQLite file in WAL mode. Appends made in the same turn of the event
 * loop are group-committed: queued, then written together in one transaction (one fsync) on the next
 * turn, and only acknowledged after COMMIT.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database;
  private readonly statements: EventStatements;
  private readonly writer: SqliteAppendWriter;
  private readonly subscriptions: LiveSubscriptions;
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  private closing: Promise<void> | undefined;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new BetterSqlite3(options.file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
      // Another process (a reader, a migration) may briefly hold the write lock.
      this.db.pragma('busy_timeout = 5000');
      createEventTable(this.db);
      this.statements = prepareEventStatements(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.writer = new SqliteAppendWriter(this.db, this.statements);
    this.subscriptions = new LiveSubscriptions((after, limit) => this.readAll(after, limit), {
      pollIntervalMs: options.pollIntervalMs ?? 250,
      batchSize: options.subscriptionBatchSize ?? 500,
    });
  }

  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    return new SqliteEventStore(options);
  }

  append(stream: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new EventStoreClosedError());
    let rows: EventRow[];
    try {
      assertWellFormedEvents(stream, events);
      rows = toRows(events);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, rows, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(stream: string, fromVersion = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.statements.readStream.all(stream, fromVersion).map(toRecordedEvent);
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.statements.readAll.all(afterPosition, limit).map(toRecordedEvent);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.headPosition.get() ?? 0;
  }

  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription {
    return this.subscriptions.subscribe(afterPosition, handler, onError);
  }

  /** Writes what is queued, stops subscriptions (waiting for running handlers), then closes the file. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.flush();
      await this.subscriptions.stopAll();
      this.db.close();
    })();
    return this.closing;
  }

  private flush(): void {
    this.flushScheduled = false;
    const requests = this.queue;
    if (requests.length === 0) return;
    this.queue = [];
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.writer.writeGroup(requests);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      requests.forEach((request) => request.reject(failure));
      return;
    }
    requests.forEach((request, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) request.reject(outcome);
      else request.resolve(outcome);
    });
    this.subscriptions.notifyCommitted();
  }

  private assertOpen(): void {
    if (!this.db.open) throw new EventStoreClosedError();
  }
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
