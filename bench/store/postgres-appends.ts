import { Pool, PoolConfig } from 'pg';
import { PostgresEventStore } from '@onedoor/event-store';
import type { AppendRequest } from '@onedoor/event-store/append-group';
import { createEventSchema, eventSchemaNames, EventSchemaNames } from '@onedoor/event-store/postgres-event-schema';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { startTimer } from '../timing';
import { appendFromCallers } from './concurrent-callers';
import { EmmettAppends } from './emmett-appends';
import type { StreamEvent } from './referral-events';
import type { AppendBenchSides } from './store-bench';
import type { TimedAppends } from './store-appends';

/** Connections each side may use: the same for the store and the raw baseline. */
const POOL_SIZE = 10;

type CommitGroup = (requests: AppendRequest[]) => Promise<unknown>;
type WithCommitGroup = { commitGroup: CommitGroup };

/**
 * The distributed deployment's store against raw node-postgres, on the local PostgreSQL (synchronous_commit
 * as the server has it; `on` here), each side in its own fresh schema with the same tables and indexes
 * (the raw side's are made by the store's own DDL). The store's group commits are counted by wrapping its
 * commitGroup, so the raw side can replay the same transaction sizes. Emmett's PostgreSQL store does the same
 * appends alongside, in a database of its own (see emmett-appends.ts).
 */
export async function openPostgresSides(config: PoolConfig = testDatabaseConfig({ max: POOL_SIZE })): Promise<AppendBenchSides> {
  const storeSchema = freshSchemaName();
  // Like the SQLite part's separate files: the per-commit rows are a subset of the slice the batched side writes.
  const rawSchemas = [freshSchemaName(), freshSchemaName()];
  const store = await PostgresEventStore.open({ pool: config, schema: storeSchema, pollIntervalMs: 0 });
  const raw = new Pool(config);
  const [rawInserts, rawPerCommit] = rawSchemas.map((schema) => new RawPostgresInserts(raw, eventSchemaNames(schema)));
  for (const schema of rawSchemas) await createEventSchema(raw, eventSchemaNames(schema));
  const emmett = await EmmettAppends.open(config);

  const groupSizes: number[] = [];
  const prototype = PostgresEventStore.prototype as unknown as WithCommitGroup;
  const original = prototype.commitGroup;
  prototype.commitGroup = function (this: WithCommitGroup, requests) {
    groupSizes.push(requests.length);
    return original.call(this, requests);
  };

  return {
    async appendConcurrently(events: StreamEvent[], inFlight: number): Promise<TimedAppends> {
      const firstGroup = groupSizes.length;
      const ms = await appendFromCallers(events, inFlight, ({ stream, event }) => store.append(stream, [event], 'no-stream'));
      return { ms, groupSizes: groupSizes.slice(firstGroup) };
    },
    rawSameGroups: (events, sizes) => rawInserts.write(events, sizes),
    rawOnePerCommit: (events, inFlight) => rawPerCommit.writeOnePerCommit(events, inFlight),
    alongside: [{ name: 'Emmett', appendConcurrently: (events, inFlight) => emmett.appendConcurrently(events, inFlight) }],
    async close() {
      prototype.commitGroup = original;
      await store.close();
      await emmett.close();
      await raw.end();
      for (const schema of [storeSchema, ...rawSchemas]) await dropSchema(schema);
    },
  };
}

/**
 * The raw node-postgres baseline: per transaction BEGIN, one multi-row INSERT … SELECT FROM unnest of the same
 * JSON-serialised events into the same table, COMMIT; positions and versions from a counter, no checks, no
 * lock, no notify. A row counts as acknowledged when its transaction commits.
 */
class RawPostgresInserts {
  private position = 0;

  constructor(
    private readonly pool: Pool,
    private readonly names: EventSchemaNames,
  ) {}

  /** Writes `events` in consecutive transactions of `transactionSizes` on one connection; returns the elapsed ms. */
  async write(events: StreamEvent[], transactionSizes: number[]): Promise<number> {
    const total = transactionSizes.reduce((sum, size) => sum + size, 0);
    if (total !== events.length) throw new Error(`transaction sizes cover ${total} rows, not ${events.length}`);
    const client = await this.pool.connect();
    try {
      const elapsed = startTimer();
      let from = 0;
      for (const size of transactionSizes) {
        await client.query('BEGIN');
        await this.insert(client, events.slice(from, from + size));
        await client.query('COMMIT');
        from += size;
      }
      return elapsed();
    } finally {
      client.release();
    }
  }

  /** One autocommit INSERT per row from `inFlight` callers sharing the pool: what PostgreSQL does without our grouping. */
  writeOnePerCommit(events: StreamEvent[], inFlight: number): Promise<number> {
    return appendFromCallers(events, inFlight, (event) => this.insert(this.pool, [event]));
  }

  private async insert(on: Pick<Pool, 'query'>, events: StreamEvent[]): Promise<void> {
    const recordedAt = new Date().toISOString();
    const positions = events.map(() => ++this.position);
    await on.query(
      `INSERT INTO ${this.names.events} (position, id, stream, version, type, schema_version, data, metadata, recorded_at)
       SELECT position, id, stream, 1, type, schema_version, data::json, metadata::json, $7::timestamptz
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $8::text[])
           AS r(position, id, stream, type, schema_version, data, metadata)`,
      [
        positions,
        events.map((e) => e.event.id),
        events.map((e) => e.stream),
        events.map((e) => e.event.type),
        events.map((e) => e.event.schemaVersion),
        events.map((e) => JSON.stringify(e.event.data)),
        recordedAt,
        events.map((e) => JSON.stringify(e.event.metadata ?? {})),
      ],
    );
  }
}
