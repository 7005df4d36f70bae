import { Pool } from 'pg';
import type { RecordedEvent } from './event-store.port';
import { createEventSchema, eventSchemaNames, EventSchemaNames } from './postgres-event-schema';
import { EVENT_COLUMNS, EventTableRow, toRecordedEvents } from './postgres-event-rows';
import { InsertColumns, writeRows } from './postgres-event-insert';

export class LogImportError extends Error {
  override name = 'LogImportError';
}

/**
 * Copies a log into a PostgreSQL schema keeping every event's id, stream, version, position and commit time, so
 * a deployment that grew out of the embedded store keeps its history exactly (`onedoor migrate`). Each batch
 * must continue the target's log where it ends; it is written under the head row's lock like any append, so a
 * platform started against the schema too early cannot interleave its own events.
 */
export class PostgresLogImport {
  private constructor(
    private readonly pool: Pool,
    private readonly names: EventSchemaNames,
  ) {}

  /** Creates the schema's tables when absent; the pool stays the caller's. */
  static async open(pool: Pool, schema: string): Promise<PostgresLogImport> {
    const names = eventSchemaNames(schema);
    await createEventSchema(pool, names);
    return new PostgresLogImport(pool, names);
  }

  /** Events already in the target log. */
  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.names.events}`);
    return Number(rows[0].n);
  }

  /** Writes one batch, whose positions must run on from the target's head without a gap. */
  async importBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const client = await this.pool.connect();
    try {
      const begun = (await client.query(`BEGIN; SELECT position FROM ${this.names.head} FOR UPDATE`)) as unknown as Array<{ rows: Array<{ position: string }> }>;
      let head = Number(begun[1].rows[0].position);
      const inserts = new InsertColumns();
      for (const e of events) {
        if (e.position !== head + 1) throw new LogImportError(`event ${e.id} is at position ${e.position}, but the target log ends at ${head}: a copy must not leave gaps`);
        head = e.position;
        const row = { id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) };
        inserts.add(row, e.stream, e.version, e.position, e.recordedAt);
      }
      await writeRows(client, this.names, inserts, head);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The target log in order, in batches, for verifying the copy. */
  async *batches(batchSize = 5000): AsyncGenerator<RecordedEvent[]> {
    let after = 0;
    for (;;) {
      const { rows } = await this.pool.query<EventTableRow>(`SELECT ${EVENT_COLUMNS} FROM ${this.names.events} WHERE position > $1 ORDER BY position LIMIT $2`, [after, batchSize]);
      if (rows.length === 0) return;
      const batch = toRecordedEvents(rows);
      yield batch;
      after = batch[batch.length - 1].position;
    }
  }
}
