import { RecordedEvent } from './event-store.port';
import { EventRow } from './append-group';

interface HeldEvent {
  row: EventRow;
  stream: string;
  version: number;
  recordedAt: string;
}

/**
 * The newest events this store committed, as the writer handed them back (JSON still serialised), so its
 * subscriptions read what was just appended without a query per subscriber per commit. It only ever holds
 * one gap-free run of positions: a commit that does not follow on from it (another process wrote in
 * between) starts the run afresh, and a read it cannot answer whole goes to the table instead.
 */
export class RecentlyCommitted {
  private held: HeldEvent[] = [];
  /** Position of held[0]. */
  private first = 0;

  /** `capacity`: events kept (older ones are dropped in blocks, so trimming stays cheap). */
  constructor(private readonly capacity = 2_000) {}

  /** One append's rows, which the commit placed at positions `lastPosition - rows.length + 1 ... lastPosition`. */
  add(stream: string, rows: EventRow[], lastVersion: number, lastPosition: number, recordedAt: string): void {
    if (rows.length === 0) return;
    const firstPosition = lastPosition - rows.length + 1;
    if (this.held.length === 0 || firstPosition !== this.first + this.held.length) {
      this.held = [];
      this.first = firstPosition;
    }
    const firstVersion = lastVersion - rows.length + 1;
    rows.forEach((row, i) => this.held.push({ row, stream, version: firstVersion + i, recordedAt }));
    if (this.held.length >= 2 * this.capacity) {
      const drop = this.held.length - this.capacity;
      this.held = this.held.slice(drop);
      this.first += drop;
    }
  }

  /**
   * The events after `afterPosition`, at most `limit`, when the run holds the very next one; undefined
   * otherwise (older than the run, or nothing newer held). Each call parses its own copies of data and
   * metadata, as a read from the table would, so no reader can change what another one sees.
   */
  read(afterPosition: number, limit: number): RecordedEvent[] | undefined {
    const from = afterPosition + 1 - this.first;
    if (from < 0 || from >= this.held.length || limit <= 0) return undefined;
    const to = Math.min(this.held.length, from + limit);
    const events = new Array<RecordedEvent>(to - from);
    for (let i = from; i < to; i++) {
      const { row, stream, version, recordedAt } = this.held[i];
      events[i - from] = {
        position: this.first + i,
        id: row.id,
        stream,
        version,
        type: row.type,
        schemaVersion: row.schemaVersion,
        data: JSON.parse(row.data),
        metadata: JSON.parse(row.metadata),
        recordedAt,
      };
    }
    return events;
  }
}
