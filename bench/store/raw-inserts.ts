import type { Database, Statement } from 'better-sqlite3';
import type { NewEvent } from '@onedoor/event-store';
import { startTimer } from '../timing';
import { openRawEventDatabase } from './durable-sqlite';
import type { StreamEvent } from './referral-events';

const INSERT = `INSERT INTO events (id, stream, version, type, schema_version, data, metadata, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The raw better-sqlite3 baseline: a synchronous loop of one prepared INSERT into the same table, with
 * the same JSON serialisation of the same objects inside the timed region, committing in transactions
 * of given sizes. Each BEGIN IMMEDIATE ... COMMIT is one fsync of the WAL, as in the store, and a row
 * counts as acknowledged when its transaction commits. No promises, no event loop, no checks.
 */
export class RawInserts {
  private readonly db: Database;
  private readonly insert: Statement;
  private readonly commitGroup: (events: StreamEvent[], from: number, to: number) => void;

  constructor(file: string) {
    this.db = openRawEventDatabase(file);
    this.insert = this.db.prepare(INSERT);
    const transaction = this.db.transaction((events: StreamEvent[], from: number, to: number) => {
      const recordedAt = new Date().toISOString();
      for (let i = from; i < to; i++) this.writeOne(events[i].stream, events[i].event, recordedAt);
    });
    this.commitGroup = (events, from, to) => transaction.immediate(events, from, to);
  }

  /** Writes `events` in consecutive transactions of `transactionSizes`; returns the elapsed ms. */
  write(events: StreamEvent[], transactionSizes: number[]): number {
    const total = transactionSizes.reduce((sum, size) => sum + size, 0);
    if (total !== events.length) throw new Error(`transaction sizes cover ${total} rows, not ${events.length}`);
    const elapsed = startTimer();
    let from = 0;
    for (const size of transactionSizes) {
      this.commitGroup(events, from, from + size);
      from += size;
    }
    return elapsed();
  }

  /** One transaction (one fsync) per row: the best a store without group commit could do. */
  writeOnePerCommit(events: StreamEvent[]): number {
    return this.write(events, events.map(() => 1));
  }

  close(): void {
    this.db.close();
  }

  private writeOne(stream: string, event: NewEvent, recordedAt: string): void {
    this.insert.run(event.id, stream, 1, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata ?? {}), recordedAt);
  }
}
