import { Pool, PoolConfig } from 'pg';
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
import { RecentlyCommitted } from './recently-committed';
import { answersOf, AppendRequest, toRows, WrittenGroup } from './append-group';
import { GroupCommitQueue } from './group-commit-queue';
import { createEventSchema, eventSchemaNames, EventSchemaNames } from './postgres-event-schema';
import { EVENT_COLUMNS, EventTableRow, toRecordedEvents } from './postgres-event-rows';
import { appendGroup } from './postgres-append-transaction';
import { PostgresChannelListener } from './postgres-channel-listener';

export interface PostgresEventStoreOptions {
  /** A pool, or the settings to make one. Either way the store owns it: close() ends it. */
  pool: Pool | PoolConfig;
  /** The schema holding this log's tables (created when absent). Default `onedoor`. */
  schema?: string;
  /** How often idle subscriptions re-read anyway, should a notification be lost; 0 turns it off. */
  pollIntervalMs?: number;
  /** Events a subscription reads per catch-up query. */
  subscriptionBatchSize?: number;
}

/**
 * The event store of the distributed deployment, in PostgreSQL; any number of processes can share one log.
 *
 * **Gap strategy: positions are allocated under a lock, not from a sequence.** Every appending transaction
 * first locks the one row of `event_log_head` (SELECT … FOR UPDATE), takes the positions after it, inserts, moves
 * the head and commits; the next appender (in this process or another) gets the lock only once that commit is
 * visible. So positions are gap-free (a refused or rolled-back append allocates nothing that survives) and a
 * higher position is never visible before a lower one: a subscriber reading `position > p` can never skip an
 * event committed late by a slower transaction, because no transaction can commit position p + 2 while the one
 * holding p + 1 is still open. We chose this over the sequence + `xid8`/`pg_snapshot_xmin` scheme (Emmett's)
 * because the port promises 1-based, gap-free positions, which a sequence cannot give (rolled-back nextval
 * values are lost), and because readers then need no snapshot filter: `readAll` and `headPosition` are plain
 * queries. The price, every append serialised on one row, is paid once per group, not per append: appends made
 * together are group-committed in one transaction (GroupCommitQueue), so concurrent single-event appends share
 * the lock hold and the commit flush.
 *
 * **Wake-ups:** the appending transaction NOTIFYs the log's channel with the new head (delivered at commit);
 * each store LISTENs on one held connection and nudges its subscriptions, which also poll slowly as a fallback.
 * Subscriptions read what this store just committed from memory (RecentlyCommitted), other commits from the table.
 */
export class PostgresEventStore implements EventStore {
  private readonly appends = new GroupCommitQueue<AppendRequest, AppendResult>((requests) => this.commitGroup(requests));
  private readonly subscriptions: LiveSubscriptions;
  private readonly recent = new RecentlyCommitted();
  /** The highest head this store has committed or been told of; notifications at or below it wake no one. */
  private knownHead = 0;
  private listener: PostgresChannelListener | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly names: EventSchemaNames,
    options: PostgresEventStoreOptions,
  ) {
    this.subscriptions = new LiveSubscriptions((after, limit) => this.readForSubscriptions(after, limit), {
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      batchSize: options.subscriptionBatchSize ?? 500,
    });
  }

  /** Creates the schema when absent and starts listening for commits; ends the pool if it cannot. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = options.pool instanceof Pool ? options.pool : new Pool(options.pool);
    // An idle connection that drops (server restart) is discarded by the pool, which then emits 'error': left
    // unheard, that would end the process. The next query opens a fresh connection; the listener reconnects itself.
    pool.on('error', () => undefined);
    try {
      const names = eventSchemaNames(options.schema ?? 'onedoor');
      await createEventSchema(pool, names);
      const store = new PostgresEventStore(pool, names, options);
      store.listener = await PostgresChannelListener.start(pool, names.channel, (payload) => store.heard(payload === undefined ? undefined : Number(payload)));
      return store;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /** The schema this store's tables live in. */
  get schema(): string {
    return this.names.schema;
  }

  append(stream: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new EventStoreClosedError());
    try {
      assertWellFormedEvents(stream, events);
      assertWellFormedConditions(options);
      const conditions = options?.conditions?.length ? options.conditions.map(({ stream, expected }) => ({ stream, expected })) : undefined;
      return this.appends.submit({ stream, rows: toRows(events), expected, conditions });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(stream: string, fromVersion = 0): Promise<RecordedEvent[]> {
    return this.select(`SELECT ${EVENT_COLUMNS} FROM ${this.names.events} WHERE stream = $1 AND version > $2 ORDER BY version`, [
      stream,
      fromVersion,
    ]);
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    return this.select(`SELECT ${EVENT_COLUMNS} FROM ${this.names.events} WHERE position > $1 ORDER BY position LIMIT $2`, [
      afterPosition,
      limit,
    ]);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${this.names.head}`);
    return Number(rows[0].position);
  }

  async readByIdempotencyId(idempotencyId: string): Promise<RecordedEvent[]> {
    return this.select(
      `SELECT ${EVENT_COLUMNS} FROM ${this.names.events} WHERE (metadata ->> 'idempotencyId') = $1 ORDER BY position`,
      [idempotencyId],
    );
  }

  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription {
    return this.subscriptions.subscribe(afterPosition, handler, onError);
  }

  /** Commits what is queued, stops subscriptions (waiting for running handlers), stops listening, ends the pool. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.appends.drain();
      } finally {
        await this.subscriptions.stopAll();
        await this.listener?.stop();
        this.closed = true;
        await this.pool.end();
      }
    })();
    return this.closing;
  }

  private async select(sql: string, values: unknown[]): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { rows } = await this.pool.query<EventTableRow>(sql, values);
    return toRecordedEvents(rows);
  }

  private async readForSubscriptions(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.recent.read(afterPosition, limit) ?? this.readAll(afterPosition, limit);
  }

  /**
   * One group in one transaction. Should storage refuse the group as a whole (not one of the append rules,
   * which refuse a request alone), each request is tried again in its own transaction, so one bad request
   * cannot fail the appends that happened to share its group.
   */
  private async commitGroup(requests: AppendRequest[]): Promise<Array<AppendResult | Error>> {
    try {
      return this.acknowledge(requests, await this.inTransaction(requests));
    } catch (error) {
      if (requests.length === 1) throw error;
    }
    const outcomes: Array<AppendResult | Error> = [];
    for (const request of requests) {
      try {
        outcomes.push(...this.acknowledge([request], await this.inTransaction([request])));
      } catch (error) {
        outcomes.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return outcomes;
  }

  private async inTransaction(requests: AppendRequest[]): Promise<WrittenGroup> {
    const client = await this.pool.connect();
    try {
      const written = await appendGroup(client, this.names, requests);
      await client.query('COMMIT');
      return written;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private acknowledge(requests: AppendRequest[], written: WrittenGroup): Array<AppendResult | Error> {
    const answers = answersOf(requests, written, ({ stream, rows }, { version, position }) => {
      this.recent.add(stream, rows, version, position, written.recordedAt);
      this.knownHead = Math.max(this.knownHead, position);
    });
    this.subscriptions.notifyCommitted();
    return answers;
  }

  /** A commit was announced (undefined: the listener reconnected and may have missed some). */
  private heard(announced: number | undefined): void {
    const head = announced !== undefined && Number.isFinite(announced) ? announced : undefined;
    if (head !== undefined && head <= this.knownHead) return;
    if (head !== undefined) this.knownHead = head;
    this.subscriptions.notifyCommitted();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
