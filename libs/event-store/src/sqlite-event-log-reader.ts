import BetterSqlite3, { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { RecordedEvent } from './event-store.port';
import { EventStatements, assertKnownSchema, prepareEventStatements, toRecordedEvents } from './sqlite-event-table';

/**
 * The global log of a store file, read-only: analysts replay a deployment's file (or a copy of it) while
 * the platform keeps running, and nothing they do can write to it. WAL lets the reads run beside the writer.
 */
export class SqliteEventLogReader {
  private readonly db: Database;
  private readonly statements: EventStatements;

  constructor(readonly file: string) {
    if (!existsSync(file)) throw new Error(`no event store file at ${file}`);
    this.db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      this.db.pragma('busy_timeout = 5000');
      if (assertKnownSchema(this.db) === 0) throw new Error(`${file} is not a OneDoor event store (it has no events table)`);
      this.statements = prepareEventStatements(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Position of the newest event (0 when empty). */
  head(): number {
    return this.statements.headPosition.get() ?? 0;
  }

  /** The log after `afterPosition`, in order, in batches of `batchSize`, up to `toPosition` (default: the head when asked). */
  *batches(afterPosition = 0, batchSize = 1000, toPosition = this.head()): Generator<RecordedEvent[]> {
    let after = afterPosition;
    while (after < toPosition) {
      const batch = toRecordedEvents(this.statements.readAll.all(after, Math.min(batchSize, toPosition - after)));
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].position;
    }
  }

  close(): void {
    this.db.close();
  }
}
